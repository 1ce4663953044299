import type { ErrorCode } from '../error-codes.js';
import type { ShuExplanationKey } from '../contracts/shu.js';

/** Indonesian texts for every refusal code. `{{name}}` is filled from the error's params. */
export const errorMessagesId: Record<ErrorCode, string> = {
  'request.invalid': 'Data yang dikirim tidak valid.',
  'request.not_found': 'Alamat tidak ditemukan.',
  'request.idempotency_key_required': 'Permintaan ini membutuhkan header Idempotency-Key.',
  'request.idempotency_conflict':
    'Idempotency-Key ini sudah dipakai untuk permintaan lain. Gunakan kunci baru.',
  'request.rate_limited': 'Terlalu banyak permintaan. Coba lagi dalam {{retryAfterSeconds}} detik.',
  'request.internal_error': 'Terjadi kesalahan sistem. Sebutkan kode {{requestId}} kepada petugas.',
  'auth.unauthenticated': 'Silakan masuk terlebih dahulu.',
  'auth.forbidden': 'Anda tidak memiliki akses untuk tindakan ini.',
  'auth.invalid_credentials': 'Nomor HP atau kata sandi salah.',
  'auth.account_locked':
    'Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi setelah {{lockedUntil}}.',
  'auth.otp_invalid': 'Kode verifikasi salah atau sudah kedaluwarsa.',
  'auth.otp_too_many_attempts': 'Terlalu banyak percobaan kode verifikasi. Minta kode baru.',
  'auth.pin_not_set': 'Buat PIN transaksi terlebih dahulu.',
  'auth.pin_invalid': 'PIN transaksi salah.',
  'auth.pin_locked': 'PIN transaksi dikunci sementara. Coba lagi setelah {{lockedUntil}}.',
  'identity.nik_invalid': 'NIK tidak valid: {{reason}}.',
  'identity.phone_invalid':
    'Nomor HP tidak valid. Gunakan nomor seluler Indonesia, misalnya 0812xxxxxxx.',
  'identity.password_too_weak': 'Kata sandi minimal 8 karakter dan tidak mudah ditebak.',
  'identity.pin_format_invalid': 'PIN harus 6 angka dan tidak boleh berurutan atau sama semua.',
  'identity.phone_already_registered': 'Nomor HP ini sudah terdaftar.',
  'identity.person_not_found': 'Orang tidak ditemukan.',
  'identity.membership_already_exists': 'Orang ini sudah terdaftar di koperasi ini.',
  'identity.region_scope_invalid': 'Kode wilayah {{regionCode}} tidak dikenal.',
  'cooperatives.cooperative_not_found': 'Koperasi tidak ditemukan.',
  'cooperatives.district_unknown': 'Kode kabupaten/kota {{districtCode}} tidak dikenal.',
  'cooperatives.legal_entity_number_already_registered':
    'Nomor badan hukum ini sudah dipakai koperasi lain.',
  'cooperatives.nik_koperasi_already_registered':
    'Nomor Induk Koperasi ini sudah dipakai koperasi lain.',
  'cooperatives.nik_koperasi_invalid': 'Nomor Induk Koperasi harus 13 sampai 16 angka.',
  'cooperatives.federation_requires_secondary':
    'Koperasi hanya dapat menjadi anggota koperasi sekunder.',
  'cooperatives.federation_self': 'Koperasi tidak dapat menjadi anggota dirinya sendiri.',
  'cooperatives.federation_already_member':
    'Koperasi ini sudah menjadi anggota koperasi sekunder tersebut.',
  'ledger.entry_not_balanced': 'Jurnal tidak seimbang: debit {{debit}} dan kredit {{credit}}.',
  'ledger.entry_too_few_lines': 'Jurnal harus memiliki paling sedikit dua baris.',
  'ledger.amount_invalid': 'Jumlah pada baris {{line}} harus bilangan bulat rupiah lebih dari nol.',
  'ledger.period_closed': 'Periode {{period}} sudah ditutup; catat koreksi di periode berjalan.',
  'ledger.period_already_closed': 'Periode {{period}} sudah ditutup.',
  'ledger.period_not_ended': 'Periode {{period}} belum berakhir.',
  'ledger.year_already_closed': 'Tahun buku {{year}} sudah ditutup.',
  'ledger.account_inactive': 'Akun {{code}} tidak aktif.',
  'ledger.account_is_control': 'Akun {{code}} adalah akun kontrol; posting ke sub-akun anggota.',
  'ledger.account_not_found': 'Akun tidak ditemukan.',
  'ledger.account_code_already_exists': 'Kode akun {{code}} sudah dipakai.',
  'ledger.account_parent_invalid': 'Akun induk tidak valid untuk sub-akun ini.',
  'ledger.idempotency_conflict': 'Kunci idempotensi ini sudah dipakai untuk jurnal lain.',
  'ledger.entry_not_found': 'Jurnal tidak ditemukan.',
  'ledger.entry_already_reversed': 'Jurnal ini sudah dibalik sebelumnya.',
  'ledger.hold_not_found': 'Dana ditahan tidak ditemukan.',
  'ledger.hold_already_resolved': 'Dana ditahan ini sudah diselesaikan.',
  'ledger.insufficient_available_balance':
    'Saldo tersedia tidak cukup: tersedia {{available}}, diminta {{requested}}.',
  'ledger.manual_journal_self_approval': 'Jurnal manual harus disetujui oleh petugas lain.',
  'ledger.manual_journal_not_pending': 'Jurnal manual ini sudah diputuskan.',
  'ledger.manual_journal_not_found': 'Jurnal manual tidak ditemukan.',
  'members.member_not_found': 'Anggota tidak ditemukan.',
  'members.application_not_pending': 'Permohonan keanggotaan ini sudah diputuskan.',
  'members.not_active': 'Anggota ini tidak berstatus aktif.',
  'members.card_invalid': 'Kartu anggota tidak sah.',
  'ledger.fiscal_year_invalid':
    'Tahun buku {{start}} sampai {{end}} tidak valid: harus tepat satu tahun mulai tanggal 1.',
  'savings.insufficient_balance':
    'Saldo tidak cukup: tersedia {{available}}, diminta {{requested}}.',
  'savings.not_withdrawable': 'Simpanan {{kind}} tidak dapat ditarik selama masih menjadi anggota.',
  'savings.pokok_exceeds_amount':
    'Setoran melebihi simpanan pokok; sisa yang harus dibayar {{remaining}}.',
  'savings.session_not_open': 'Buka sesi kasir terlebih dahulu.',
  'savings.session_already_open': 'Anda masih memiliki sesi kasir yang terbuka.',
  'savings.session_not_found': 'Sesi kasir tidak ditemukan.',
  'savings.transfer_to_self': 'Tidak dapat mentransfer ke rekening sendiri.',
  'savings.account_not_found': 'Rekening simpanan tidak ditemukan.',
  'savings.month_not_ended': 'Bulan {{month}} belum berakhir.',
  'savings.exit_has_pending_holds':
    'Masih ada dana ditahan pada simpanan {{kind}}; selesaikan dulu sebelum anggota keluar.',
  'savings.payroll_file_unreadable': 'Berkas {{format}} tidak dapat dibaca.',
  'savings.payroll_file_empty': 'Berkas tidak berisi baris judul dan baris anggota.',
  'savings.payroll_unknown_column':
    'Kolom "{{column}}" tidak dikenal. Kolom yang diterima: nomor_anggota, nama, periode, simpanan_wajib, simpanan_sukarela, angsuran_pinjaman.',
  'savings.payroll_missing_column': 'Kolom "{{column}}" wajib ada di baris judul.',
  'savings.payroll_duplicate_column': 'Kolom "{{column}}" muncul lebih dari sekali di baris judul.',
  'savings.payroll_member_number_invalid':
    'Nomor anggota "{{value}}" tidak valid: gunakan angka, paling banyak 6 digit.',
  'savings.payroll_period_invalid':
    'Periode "{{value}}" tidak valid: gunakan format tttt-bb, misalnya 2026-03.',
  'savings.payroll_period_mismatch':
    'Periode baris {{rowPeriod}} berbeda dengan periode yang diimpor ({{period}}).',
  'savings.payroll_amount_invalid':
    'Jumlah "{{value}}" di kolom {{column}} tidak valid: gunakan rupiah bulat, misalnya 25000 atau 25.000.',
  'savings.payroll_duplicate_member':
    'Nomor anggota {{memberNumber}} muncul lebih dari sekali dalam berkas (baris {{rowNumbers}}); gabungkan menjadi satu baris.',
  'savings.payroll_loans_unavailable':
    'Baris dilewati: angsuran pinjaman belum dapat dibukukan karena modul pinjaman belum tersedia.',
  'savings.payroll_nothing_to_post': 'Baris dilewati: tidak ada potongan untuk dibukukan.',
  'savings.payroll_already_posted':
    'Potongan simpanan {{kinds}} periode {{period}} untuk anggota ini sudah dibukukan sebelumnya.',
  'savings.payroll_import_not_found': 'Impor potongan gaji tidak ditemukan.',
  'savings.term_deposit_unavailable':
    'Koperasi ini tidak menerima simpanan berjangka: bagan akunnya tidak memiliki akun {{controlCode}} Simpanan berjangka.',
  'savings.term_deposit_amount_invalid': 'Jumlah simpanan berjangka harus lebih dari nol.',
  'savings.term_deposit_not_found': 'Simpanan berjangka tidak ditemukan.',
  'savings.term_deposit_already_closed': 'Simpanan berjangka ini sudah ditutup ({{outcome}}).',
  'savings.term_deposit_due':
    'Simpanan berjangka ini sudah jatuh tempo pada {{maturityDate}}; dananya dicairkan saat jatuh tempo, tanpa penalti.',
  'savings.maturity_date_in_future':
    'Tanggal {{asOf}} belum tiba; simpanan berjangka hanya dicairkan pada atau setelah jatuh tempo.',
  'savings.exit_has_term_deposits':
    'Anggota masih memiliki {{count}} simpanan berjangka berjalan; cairkan dulu sebelum keluar.',
  'loans.lending_unavailable':
    'Koperasi ini tidak melayani pinjaman: bagan akunnya tidak memiliki akun {{controlCode}} Piutang pinjaman anggota.',
  'loans.product_not_found': 'Produk pinjaman {{code}} tidak ditemukan.',
  'loans.product_inactive': 'Produk pinjaman {{code}} tidak lagi ditawarkan.',
  'loans.tenor_not_offered':
    'Jangka {{installments}} angsuran tidak ditawarkan produk ini; pilih salah satu dari {{tenors}}.',
  'loans.amount_out_of_range': 'Jumlah pinjaman harus antara Rp{{minimum}} dan Rp{{maximum}}.',
  'loans.loan_not_found': 'Pinjaman tidak ditemukan.',
  'loans.application_already_decided': 'Pengajuan ini sudah diputuskan ({{status}}).',
  'loans.self_approval_forbidden': 'Anda tidak boleh memutuskan pengajuan pinjaman Anda sendiri.',
  'loans.decision_already_recorded': 'Anda sudah memberikan keputusan atas pengajuan ini.',
  'loans.limit_exceeded':
    'Pinjaman melampaui batas maksimum pemberian pinjaman (BMPP): paling banyak Rp{{limit}} untuk peminjam ini.',
  'loans.plafond_exceeded':
    'Pinjaman melampaui plafon menurut simpanan anggota: paling banyak Rp{{limit}}.',
  'loans.not_approved': 'Pinjaman belum disetujui penuh; masih kurang {{missing}} persetujuan.',
  'loans.already_disbursed': 'Pinjaman ini sudah dicairkan.',
  'loans.not_active': 'Pinjaman ini tidak sedang berjalan ({{status}}).',
  'loans.repayment_exceeds_outstanding':
    'Pembayaran melebihi seluruh kewajiban pinjaman; paling banyak Rp{{maximum}}.',
  'loans.day_end_date_in_future':
    'Tutup hari tidak dapat dijalankan untuk {{businessDate}}: tanggal itu belum tiba.',
  'loans.day_end_date_before_last_run':
    'Tutup hari tidak dapat dijalankan untuk {{businessDate}}: tutup hari {{lastBusinessDate}} sudah dijalankan.',
  'loans.invalid_collectibility_settings': 'Pengaturan kolektibilitas tidak sah: {{reason}}',
  'loans.partner_bank_not_found': 'Bank mitra tidak ditemukan.',
  'loans.partner_bank_already_exists': 'Bank mitra dengan kode {{code}} sudah ada.',
  'loans.facility_not_found': 'Fasilitas bank tidak ditemukan.',
  'loans.facility_already_exists':
    'Fasilitas dengan nomor perjanjian {{agreementNumber}} sudah ada.',
  'loans.facility_inactive': 'Fasilitas bank ini sudah ditutup.',
  'loans.facility_kind_mismatch': 'Tindakan ini tidak berlaku untuk fasilitas {{kind}}.',
  'loans.facility_plafond_exceeded': 'Melebihi plafon fasilitas; tersedia Rp{{available}}.',
  'loans.facility_quota_exceeded':
    'Melebihi kuota per anggota fasilitas ini; tersedia Rp{{available}}.',
  'loans.facility_repayment_exceeds_outstanding':
    'Pokok yang dibayar melebihi utang bank; paling banyak Rp{{outstanding}}.',
  'loans.loan_already_assigned': 'Pinjaman ini sudah dibiayai fasilitas bank.',
  'loans.loan_not_assignable': 'Pinjaman berstatus {{status}} tidak dapat dibiayai fasilitas ini.',
  'loans.channeling_not_found': 'Pinjaman ini tidak disalurkan melalui bank (channeling).',
  'loans.bank_decision_already_recorded': 'Keputusan bank atas pinjaman ini sudah dicatat.',
  'loans.bank_not_approved': 'Bank belum menyetujui pinjaman ini ({{status}}).',
  'loans.channeling_already_disbursed': 'Pinjaman channeling ini sudah dicairkan.',
  'loans.loan_is_channeled':
    'Pinjaman ini disalurkan melalui bank (channeling); pencairannya dicatat pada alur channeling.',
  'loans.channeling_not_active': 'Pinjaman channeling ini tidak sedang berjalan ({{status}}).',
  'loans.collection_exceeds_outstanding':
    'Setoran melebihi sisa kewajiban kepada bank; paling banyak Rp{{maximum}}.',
  'loans.nothing_to_remit': 'Tidak ada setoran yang menunggu disetorkan ke bank.',
  'loans.self_reschedule_forbidden':
    'Anda tidak boleh menjadwal ulang pinjaman Anda sendiri; pengurus lain yang memutuskan.',
  'loans.reschedule_date_invalid':
    'Tanggal berlaku {{effectiveDate}} tidak sah: paling cepat {{earliest}} dan paling lambat {{maximumDays}} hari sesudahnya.',
  'loans.nothing_to_reschedule':
    'Pokok pinjaman ini sudah lunas; sisa jasa atau denda dibayar, tidak dijadwal ulang.',
  'loans.reschedule_tenor_too_long':
    'Jadwal baru terlalu panjang: paling banyak {{maximum}} angsuran baru.',
  'loans.payroll_no_active_loan':
    'Angsuran tidak dibukukan: anggota ini tidak memiliki pinjaman yang sedang berjalan.',
  'shu.components_not_whole':
    'Persentase komponen SHU harus berjumlah 100%; sekarang {{total}} basis poin.',
  'shu.participation_not_whole':
    'Bobot lini usaha jasa usaha harus berjumlah 100%; sekarang {{total}} basis poin.',
  'shu.duplicate_key': '{{key}} tercantum dua kali dalam aturan SHU.',
  'shu.cadangan_required': 'Aturan SHU harus memuat komponen dana cadangan (boleh 0%).',
  'shu.component_needs_account': 'Komponen {{key}} memerlukan nama dan kode akun tujuan.',
  'shu.account_missing':
    'Bagan akun tidak memiliki akun {{code}} yang diperlukan untuk pembagian SHU.',
  'shu.rules_frozen':
    'Aturan SHU tahun buku {{year}} sudah dipakai untuk pembagian yang disahkan RAT dan tidak dapat diubah.',
  'shu.rules_changed':
    'Aturan SHU berubah (versi {{version}}) setelah usulan dibuat. Buat usulan baru.',
  'shu.year_not_closed': 'Tahun buku {{year}} belum ditutup ke SHU tahun berjalan.',
  'shu.distribution_not_found': 'Pembagian SHU tidak ditemukan.',
  'shu.distribution_already_approved':
    'Tahun buku {{year}} sudah memiliki pembagian SHU yang disahkan atau sedang disahkan.',
  'shu.not_proposed':
    'Hanya usulan pembagian SHU yang dapat dicatat pengesahannya (status sekarang: {{status}}).',
  'shu.not_awaiting_countersign':
    'Pembagian SHU ini tidak menunggu tanda tangan pengawas (status: {{status}}).',
  'shu.countersigner_must_differ':
    'Pengesahan harus ditandatangani oleh orang lain daripada pencatatnya.',
  'shu.approved_figures_mismatch':
    'Angka yang disahkan RAT berbeda dari usulan ({{key}}: usulan Rp{{proposed}}, disahkan Rp{{approved}}). Buat usulan baru dengan aturan yang disahkan.',
  'shu.not_approved':
    'Pembagian SHU belum disahkan RAT dan ditandatangani pengawas (status: {{status}}).',
  'shu.not_posted':
    'Pembagian SHU belum dibukukan (status: {{status}}); SHU anggota dibayarkan setelah diposting.',
  'shu.distribution_member_not_found': 'Anggota ini tidak mendapat bagian dalam pembagian SHU ini.',
  'shu.share_already_paid':
    'SHU anggota ini untuk tahun buku {{year}} sudah dibayarkan pada {{paidAt}}.',
  'shu.nothing_to_pay': 'SHU anggota ini dalam pembagian ini Rp0; tidak ada yang dibayarkan.',
};

/** Indonesian sentences explaining a member's SHU ("SHU saya"); `{{name}}` from the parameters. */
export const shuExplanationMessagesId: Record<ShuExplanationKey, string> = {
  'shu.explain.surplus':
    'SHU koperasi tahun buku {{year}} sampai {{asOf}}: Rp{{surplus}} (pendapatan Rp{{revenue}} dikurangi beban Rp{{expenses}}).',
  'shu.explain.non_member':
    'Dari SHU itu, Rp{{nonMemberSurplus}} berasal dari usaha dengan bukan anggota. Bagian ini tidak dibagikan kepada anggota, tetapi masuk ke dana cadangan dan dana-dana koperasi.',
  'shu.explain.pools':
    'Sesuai aturan SHU, jasa modal mendapat {{modalPercent}}% (Rp{{modalPool}}) dan jasa usaha {{usahaPercent}}% (Rp{{usahaPool}}).',
  'shu.explain.capital_average_daily_balance':
    'Rata-rata saldo harian simpanan Anda ({{kinds}}) Rp{{member}} dari total Rp{{total}} semua anggota. Jasa modal Anda: Rp{{member}} ÷ Rp{{total}} × Rp{{pool}} = Rp{{share}}.',
  'shu.explain.capital_year_end_balance':
    'Saldo simpanan Anda ({{kinds}}) Rp{{member}} dari total Rp{{total}} semua anggota. Jasa modal Anda: Rp{{member}} ÷ Rp{{total}} × Rp{{pool}} = Rp{{share}}.',
  'shu.explain.participation':
    '{{lineId}} Anda Rp{{member}} dari total Rp{{total}} semua anggota. Jasa usaha Anda dari lini ini: Rp{{member}} ÷ Rp{{total}} × Rp{{pool}} = Rp{{share}}.',
  'shu.explain.total': 'SHU Anda: Rp{{jasaModal}} + Rp{{jasaUsaha}} = Rp{{share}}.',
  'shu.explain.tax': 'Dipotong pajak {{ratePercent}}%: Rp{{tax}}. Yang Anda terima: Rp{{net}}.',
  'shu.explain.estimate':
    'Ini perkiraan berjalan: angkanya berubah setiap ada transaksi dan baru pasti setelah disahkan Rapat Anggota Tahunan.',
};
