/**
 * Indonesia's provinces and the 22 kabupaten/kota of Nusa Tenggara Timur, with the Kemendagri
 * codes that also lead every NIK (rules.md §9). Other provinces' districts are added as
 * cooperatives there come on board.
 */
export interface Region {
  code: string;
  name: string;
  level: 'province' | 'district';
  provinceCode: string;
}

const provinces: [string, string][] = [
  ['11', 'Aceh'],
  ['12', 'Sumatera Utara'],
  ['13', 'Sumatera Barat'],
  ['14', 'Riau'],
  ['15', 'Jambi'],
  ['16', 'Sumatera Selatan'],
  ['17', 'Bengkulu'],
  ['18', 'Lampung'],
  ['19', 'Kepulauan Bangka Belitung'],
  ['21', 'Kepulauan Riau'],
  ['31', 'DKI Jakarta'],
  ['32', 'Jawa Barat'],
  ['33', 'Jawa Tengah'],
  ['34', 'DI Yogyakarta'],
  ['35', 'Jawa Timur'],
  ['36', 'Banten'],
  ['51', 'Bali'],
  ['52', 'Nusa Tenggara Barat'],
  ['53', 'Nusa Tenggara Timur'],
  ['61', 'Kalimantan Barat'],
  ['62', 'Kalimantan Tengah'],
  ['63', 'Kalimantan Selatan'],
  ['64', 'Kalimantan Timur'],
  ['65', 'Kalimantan Utara'],
  ['71', 'Sulawesi Utara'],
  ['72', 'Sulawesi Tengah'],
  ['73', 'Sulawesi Selatan'],
  ['74', 'Sulawesi Tenggara'],
  ['75', 'Gorontalo'],
  ['76', 'Sulawesi Barat'],
  ['81', 'Maluku'],
  ['82', 'Maluku Utara'],
  ['91', 'Papua'],
  ['92', 'Papua Barat'],
  ['93', 'Papua Selatan'],
  ['94', 'Papua Tengah'],
  ['95', 'Papua Pegunungan'],
  ['96', 'Papua Barat Daya'],
];

const nttDistricts: [string, string][] = [
  ['5301', 'Kab. Sumba Barat'],
  ['5302', 'Kab. Sumba Timur'],
  ['5303', 'Kab. Kupang'],
  ['5304', 'Kab. Timor Tengah Selatan'],
  ['5305', 'Kab. Timor Tengah Utara'],
  ['5306', 'Kab. Belu'],
  ['5307', 'Kab. Alor'],
  ['5308', 'Kab. Lembata'],
  ['5309', 'Kab. Flores Timur'],
  ['5310', 'Kab. Sikka'],
  ['5311', 'Kab. Ende'],
  ['5312', 'Kab. Ngada'],
  ['5313', 'Kab. Manggarai'],
  ['5314', 'Kab. Rote Ndao'],
  ['5315', 'Kab. Manggarai Barat'],
  ['5316', 'Kab. Sumba Tengah'],
  ['5317', 'Kab. Sumba Barat Daya'],
  ['5318', 'Kab. Nagekeo'],
  ['5319', 'Kab. Manggarai Timur'],
  ['5320', 'Kab. Sabu Raijua'],
  ['5321', 'Kab. Malaka'],
  ['5371', 'Kota Kupang'],
];

export const regions: readonly Region[] = [
  ...provinces.map(([code, name]): Region => ({
    code,
    name,
    level: 'province',
    provinceCode: code,
  })),
  ...nttDistricts.map(([code, name]): Region => ({
    code,
    name,
    level: 'district',
    provinceCode: code.slice(0, 2),
  })),
];

export const provinceCodes: ReadonlySet<string> = new Set(provinces.map(([code]) => code));
