import type { Locale, SavingsLedger } from '@meute/contracts';
import { neutraliseFormula } from '@meute/domain';

const HEADERS = {
  fr: {
    sheets: {
      campaigns: 'Par campagne',
      organisations: 'Par entreprise',
      mine: 'Mes entreprises',
      months: 'Par mois',
    },
    campaign: 'Campagne',
    supplier: 'Fournisseur',
    awardedAt: 'Attribuée le',
    participants: 'Entreprises',
    organisation: 'Entreprise',
    campaigns: 'Campagnes',
    month: 'Mois',
    paid: 'Payé (€)',
    baseline: 'Aux prix actuels (€)',
    savingsVsCurrent: 'Économies vs contrats actuels (€)',
    savingsVsStandAlone: 'Économies vs achat seul (€)',
    rate: 'Taux d’économie',
    total: 'Total',
    network: 'Réseau (total)',
  },
  en: {
    sheets: {
      campaigns: 'By campaign',
      organisations: 'By company',
      mine: 'My companies',
      months: 'By month',
    },
    campaign: 'Campaign',
    supplier: 'Supplier',
    awardedAt: 'Awarded on',
    participants: 'Companies',
    organisation: 'Company',
    campaigns: 'Campaigns',
    month: 'Month',
    paid: 'Paid (€)',
    baseline: 'At current prices (€)',
    savingsVsCurrent: 'Savings vs current contracts (€)',
    savingsVsStandAlone: 'Savings vs buying alone (€)',
    rate: 'Savings rate',
    total: 'Total',
    network: 'Network (total)',
  },
} as const;

const EURO_FORMAT = '#,##0.00 "€";-#,##0.00 "€"';
const euros = (cents: number | null) => (cents === null ? null : cents / 100);
/** Text cells only: a name starting with = + - @ is shown, never run. */
const text = (value: string) => neutraliseFormula(value);

/**
 * The savings ledger as a workbook, what the caller may see and nothing more: euros as numbers
 * in a € format (so that the sheet sums them), rates as percentages, French or English headers.
 */
export async function savingsWorkbook(ledger: SavingsLedger, locale: Locale): Promise<Buffer> {
  const h = HEADERS[locale];
  // Loaded on first use, like the directory export: the library is heavy for an idle server.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Meute';

  const money = [
    { header: h.paid, key: 'paid', width: 16, style: { numFmt: EURO_FORMAT } },
    { header: h.baseline, key: 'baseline', width: 20, style: { numFmt: EURO_FORMAT } },
    { header: h.savingsVsCurrent, key: 'savingsVsCurrent', width: 24, style: { numFmt: EURO_FORMAT } },
    { header: h.savingsVsStandAlone, key: 'savingsVsStandAlone', width: 24, style: { numFmt: EURO_FORMAT } },
    { header: h.rate, key: 'rate', width: 14, style: { numFmt: '0.0%' } },
  ];
  const figures = (line: {
    paidCents: number | null;
    baselineCents: number | null;
    savingsVsCurrentCents: number | null;
    savingsVsStandAloneCents: number | null;
    savingsRate: number | null;
  }) => ({
    paid: euros(line.paidCents),
    baseline: euros(line.baselineCents),
    savingsVsCurrent: euros(line.savingsVsCurrentCents),
    savingsVsStandAlone: euros(line.savingsVsStandAloneCents),
    rate: line.savingsRate,
  });
  const addSheet = (name: string, columns: { header: string; key: string; width: number }[]) => {
    const sheet = workbook.addWorksheet(name.slice(0, 31));
    sheet.columns = [...columns, ...money];
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    return sheet;
  };
  const bold = (row: { font: unknown }) => {
    row.font = { bold: true };
  };

  const campaigns = addSheet(h.sheets.campaigns, [
    { header: h.campaign, key: 'title', width: 36 },
    { header: h.supplier, key: 'supplier', width: 26 },
    { header: h.awardedAt, key: 'awardedAt', width: 14 },
    { header: h.participants, key: 'participants', width: 12 },
  ]);
  for (const line of ledger.campaigns) {
    campaigns.addRow({
      title: text(line.title),
      supplier: text(line.supplierName),
      awardedAt: new Date(line.awardedAt),
      participants: line.participantCount,
      ...figures(line),
    });
  }
  campaigns.getColumn('awardedAt').numFmt = locale === 'fr' ? 'dd/mm/yyyy' : 'yyyy-mm-dd';
  bold(campaigns.addRow({ title: h.total, ...figures(ledger.visibleTotals) }));

  const organisations = addSheet(ledger.scope === 'network' ? h.sheets.organisations : h.sheets.mine, [
    { header: h.organisation, key: 'name', width: 36 },
    { header: h.campaigns, key: 'campaigns', width: 12 },
  ]);
  for (const line of ledger.organisations) {
    organisations.addRow({
      name: text(line.organisationName),
      campaigns: line.campaignCount,
      ...figures(line),
    });
  }
  bold(organisations.addRow({ name: h.total, ...figures(ledger.visibleTotals) }));
  if (ledger.scope === 'own') {
    // The network's totals as the aggregate rule releases them: an empty cell when hidden.
    bold(
      organisations.addRow({
        name: h.network,
        campaigns: ledger.network.campaignCount,
        ...figures(ledger.network),
      }),
    );
  }

  const months = addSheet(h.sheets.months, [{ header: h.month, key: 'month', width: 12 }]);
  for (const line of ledger.months) {
    months.addRow({
      month: line.month,
      paid: euros(line.paidCents),
      savingsVsCurrent: euros(line.savingsCents),
      savingsVsStandAlone: euros(line.savingsVsStandAloneCents),
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
