import { Command, InvalidArgumentError } from 'commander';
import { cooperativeTypes, createCooperativeRequest } from '@lumbung/shared/contracts/cooperatives';
import { membershipRoles, type MembershipRole } from '@lumbung/shared/contracts/identity';
import { errorMessage } from '@lumbung/shared/messages/format';
import { openDatabase } from './bootstrap.js';
import { formatDemoLogins, seedDemo, writeDemoLogins } from './demo/seed-demo.js';
import { registerCooperative } from './modules/cooperatives/index.js';
import { createOfficer, registerPerson } from './modules/identity/index.js';
import { listLedgerCooperatives, verifyCooperativeLedger } from './modules/ledger/index.js';
import { publishDailyCheckpoints } from './jobs/daily-checkpoints.js';
import {
  matureTermDepositsForAll,
  previousMonthOf,
  runMonthEndInterestForAll,
} from './jobs/savings-jobs.js';
import { runLoanDayEndForAll } from './jobs/loan-jobs.js';
import { loadConfig } from './platform/config.js';
import { withSystem, withTenant } from './platform/db/database.js';
import { isDomainError } from './platform/domain-error.js';

/** `lumbung …`: the operator's commands, through the same use cases as the API. */
async function withDatabase<T>(
  fn: (opened: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
) {
  const opened = await openDatabase(loadConfig());
  try {
    return await fn(opened);
  } finally {
    await opened.db.close();
  }
}

function rolesOption(value: string): MembershipRole[] {
  const roles = value.split(',').map((role) => role.trim());
  const unknown = roles.filter((role) => !(membershipRoles as readonly string[]).includes(role));
  if (unknown.length > 0)
    throw new InvalidArgumentError(
      `unknown roles: ${unknown.join(', ')} (known: ${membershipRoles.join(', ')})`,
    );
  return roles as MembershipRole[];
}

const program = new Command('lumbung')
  .description(
    'Lumbung — platform koperasi / cooperative platform. Uses DATABASE_URL, else PGlite in LUMBUNG_DATA_DIR (./data).',
  )
  .showHelpAfterError();

program
  .command('migrate')
  .description('Apply pending database migrations (forward-only)')
  .action(() =>
    withDatabase(async ({ migration }) => {
      console.log(
        migration.applied.length ? `Applied: ${migration.applied.join(', ')}` : 'Nothing to apply.',
      );
      console.log(`Database at migration ${migration.last}`);
    }),
  );

program
  .command('seed')
  .description('Seed data')
  .requiredOption('--demo', 'the reproducible demo platform')
  .action(() =>
    withDatabase(async ({ db }) => {
      const logins = await seedDemo(db);
      const file = writeDemoLogins(loadConfig().dataDir, logins);
      console.log(`${formatDemoLogins(logins)}\n(also written to ${file})`);
    }),
  );

program
  .command('create-cooperative')
  .description('Register a cooperative')
  .requiredOption('--name <name>')
  .requiredOption('--legal-entity-number <number>', 'nomor badan hukum (AHU)')
  .requiredOption('--type <type>', cooperativeTypes.join(' | '))
  .requiredOption('--district <code>', 'kabupaten/kota code, e.g. 5310')
  .option('--nik-koperasi <number>')
  .option('--secondary', 'a secondary (sekunder) cooperative')
  .option('--open-loop', 'not closed-loop (serves non-members)')
  .option('--fiscal-year-start-month <month>', '1-12', '1')
  .action((options: Record<string, string | boolean | undefined>) =>
    withDatabase(async ({ db }) => {
      const input = createCooperativeRequest.parse({
        name: options.name,
        legalEntityNumber: options.legalEntityNumber,
        type: options.type,
        districtCode: options.district,
        nikKoperasi: options.nikKoperasi,
        tier: options.secondary ? 'sekunder' : 'primer',
        isClosedLoop: !options.openLoop,
        fiscalYearStartMonth: Number(options.fiscalYearStartMonth),
      });
      const cooperative = await withSystem(db, 'CLI registers a cooperative', (tx) =>
        registerCooperative({ tx, now: new Date(), actorPersonId: null }, input),
      );
      console.log(JSON.stringify(cooperative, null, 2));
    }),
  );

program
  .command('create-user')
  .description('Register a person in a cooperative with roles, or as a dinas/platform officer')
  .requiredOption('--nik <nik>', '16-digit NIK')
  .requiredOption('--name <fullName>')
  .requiredOption('--phone <phone>')
  .requiredOption('--password <password>')
  .option('--cooperative <id>', 'cooperative id (for membership roles)')
  .option('--roles <roles>', membershipRoles.join(','), rolesOption)
  .option('--officer <role>', 'dinas | platform')
  .option('--regions <codes>', 'for dinas: region codes, e.g. 53 or 5310,5371')
  .action(
    (options: {
      nik: string;
      name: string;
      phone: string;
      password: string;
      cooperative?: string;
      roles?: MembershipRole[];
      officer?: string;
      regions?: string;
    }) =>
      withDatabase(async ({ db }) => {
        const person = {
          nik: options.nik,
          fullName: options.name,
          phone: options.phone,
          password: options.password,
        };
        if (options.officer === 'dinas' || options.officer === 'platform') {
          const role = options.officer;
          const regionCodes = options.regions?.split(',').map((code) => code.trim()) ?? [];
          const access = await withSystem(db, 'CLI creates an officer', (tx) =>
            createOfficer({ tx, now: new Date() }, { ...person, role, regionCodes }),
          );
          console.log(JSON.stringify(access, null, 2));
          return;
        }
        if (!options.cooperative)
          throw new InvalidArgumentError('--cooperative is required unless --officer is given');
        const cooperativeId = options.cooperative;
        const registered = await withTenant(db, cooperativeId, (tx) =>
          registerPerson(
            { tx, now: new Date(), cooperativeId },
            { ...person, roles: options.roles ?? ['anggota'] },
          ),
        );
        console.log(JSON.stringify(registered, null, 2));
      }),
  );

program
  .command('verify')
  .description(
    'Recompute every cooperative’s hash chain and balances from the journal; exits 3 on the first broken entry',
  )
  .option('--cooperative <id>', 'only this cooperative')
  .action((options: { cooperative?: string }) =>
    withDatabase(async ({ db }) => {
      const cooperatives = options.cooperative
        ? [options.cooperative]
        : await withSystem(db, 'lumbung verify lists every ledger', (tx) =>
            listLedgerCooperatives(tx),
          );
      let broken = 0;
      for (const cooperativeId of cooperatives) {
        const report = await withSystem(db, 'lumbung verify recomputes a ledger', (tx) =>
          verifyCooperativeLedger(tx, cooperativeId),
        );
        if (report.problems.length === 0) {
          console.log(
            `OK      ${cooperativeId}  ${report.entryCount} entries  head ${report.headHash}`,
          );
          continue;
        }
        broken += 1;
        const first = report.problems[0];
        console.error(
          `BROKEN  ${cooperativeId}  ${report.problems.length} problem(s); first: ${first?.kind} at entry ${first?.entryId ?? '-'} (sequence ${first?.sequence ?? '-'}): ${first?.detail ?? ''}`,
        );
        for (const problem of report.problems.slice(1, 20)) {
          console.error(
            `        ${problem.kind} sequence ${problem.sequence ?? '-'} entry ${problem.entryId ?? '-'} account ${problem.accountId ?? '-'}: ${problem.detail}`,
          );
        }
      }
      console.log(`${cooperatives.length - broken} of ${cooperatives.length} ledgers verified`);
      if (broken > 0) process.exitCode = 3;
    }),
  );

program
  .command('checkpoint')
  .description('Publish the ledger checkpoint of every cooperative for a date (the daily job)')
  .option('--date <yyyy-mm-dd>', 'checkpoint date', new Date().toISOString().slice(0, 10))
  .action((options: { date: string }) =>
    withDatabase(async ({ db }) => {
      const count = await publishDailyCheckpoints(db, options.date, new Date());
      console.log(`Published ${options.date} checkpoints for ${count} cooperatives`);
    }),
  );

program
  .command('month-end-interest')
  .description(
    'Post savings interest and withheld tax for a month in every cooperative (idempotent)',
  )
  .option('--month <yyyy-mm>', 'the month (default: last month)', previousMonthOf(new Date()))
  .action((options: { month: string }) =>
    withDatabase(async ({ db }) => {
      const log = {
        info: () => undefined,
        warn: (object: object) => console.warn(JSON.stringify(object)),
        error: () => undefined,
      };
      const results = await runMonthEndInterestForAll(db, {
        month: options.month,
        now: new Date(),
        log,
      });
      for (const result of results) {
        console.log(
          `${result.cooperativeId}  ${options.month}  ${result.accountCount} accounts  interest ${result.grossInterest}  tax ${result.taxWithheld}`,
        );
      }
    }),
  );

program
  .command('mature-term-deposits')
  .description(
    'Pay out or roll over every term deposit due by a date, in every cooperative (idempotent)',
  )
  .option(
    '--as-of <yyyy-mm-dd>',
    'due date (default: today)',
    new Date().toISOString().slice(0, 10),
  )
  .action((options: { asOf: string }) =>
    withDatabase(async ({ db }) => {
      const log = {
        info: () => undefined,
        warn: (object: object) => console.warn(JSON.stringify(object)),
        error: () => undefined,
      };
      const matured = await matureTermDepositsForAll(db, {
        asOf: options.asOf,
        now: new Date(),
        log,
      });
      console.log(`${matured} term deposits matured or rolled over as of ${options.asOf}`);
    }),
  );

program
  .command('loan-day-end')
  .description(
    'Close a lending day in every lending cooperative (or one): auto-debits, aging, collectibility, penalties, loss allowance (idempotent per date)',
  )
  .option('--cooperative <id>', 'only this cooperative')
  .option(
    '--date <yyyy-mm-dd>',
    'business date (default: today)',
    new Date().toISOString().slice(0, 10),
  )
  .action((options: { cooperative?: string; date: string }) =>
    withDatabase(async ({ db }) => {
      const log = {
        info: () => undefined,
        warn: (object: object) => console.warn(JSON.stringify(object)),
        error: () => undefined,
      };
      const results = await runLoanDayEndForAll(db, {
        businessDate: options.date,
        now: new Date(),
        log,
        ...(options.cooperative ? { cooperativeId: options.cooperative } : {}),
      });
      for (const result of results) {
        console.log(
          `${result.cooperativeId}  ${options.date}  ${result.loanCount} loans  ${result.overdueLoanCount} overdue  penalty ${result.penaltyAccrued}  allowance ${result.requiredAllowance}  auto-debits ${result.autoDebitCount}`,
        );
      }
    }),
  );

try {
  await program.parseAsync();
} catch (error) {
  if (isDomainError(error)) {
    console.error(
      `${error.code}: ${errorMessage(error.code, 'id', error.params)} / ${errorMessage(error.code, 'en', error.params)}`,
    );
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
