import type { FunderReport, Locale } from '@meute/contracts';
import { neutraliseFormula } from '@meute/domain';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';

/** The words of the report's files, in the caller's language. */
const WORDS = {
  fr: {
    title: 'Rapport aux financeurs',
    network: 'Réseau',
    period: 'Période',
    territory: 'Territoire',
    allTerritory: 'Tout le réseau',
    indicators: 'Indicateurs',
    indicator: 'Indicateur',
    value: 'Valeur',
    byStage: 'Projets par étape',
    stageColumn: 'Étape',
    count: 'Nombre',
    projects: 'Projets',
    project: 'Projet',
    lead: 'Chef de file',
    generated: 'Établi par Meute le',
    euros: '€',
    labels: {
      jobsKept: 'Emplois maintenus',
      jobsCreated: 'Emplois créés',
      trainees: 'Personnes formées',
      relocatedPurchasesCents: 'Achats relocalisés dans le réseau (€ par an)',
      relocatedSupplierCount: 'Fournisseurs extérieurs remplacés',
      reportedLocalPurchasesCents: 'Achats locaux déclarés par les projets (€)',
      fundingObtainedCents: 'Cofinancements obtenus (€)',
      fundingRequestedCents: 'Cofinancements demandés (€)',
      reportedAmountsRaisedCents: 'Montants levés déclarés (€)',
      projectCount: 'Projets collectifs',
      organisationCount: 'Entreprises engagées dans les projets',
    },
    stages: {
      idea: 'Idée',
      pilot: 'Action pilote',
      project: 'Projet',
      industrial: 'Procédé industriel',
      market: 'Marché',
    },
  },
  en: {
    title: 'Funder report',
    network: 'Network',
    period: 'Period',
    territory: 'Territory',
    allTerritory: 'The whole network',
    indicators: 'Indicators',
    indicator: 'Indicator',
    value: 'Value',
    byStage: 'Projects by stage',
    stageColumn: 'Stage',
    count: 'Count',
    projects: 'Projects',
    project: 'Project',
    lead: 'Lead company',
    generated: 'Made by Meute on',
    euros: '€',
    labels: {
      jobsKept: 'Jobs kept',
      jobsCreated: 'Jobs created',
      trainees: 'People trained',
      relocatedPurchasesCents: 'Purchases brought back into the network (€ a year)',
      relocatedSupplierCount: 'Outside suppliers replaced',
      reportedLocalPurchasesCents: 'Local purchases reported by the projects (€)',
      fundingObtainedCents: 'Co-financing obtained (€)',
      fundingRequestedCents: 'Co-financing requested (€)',
      reportedAmountsRaisedCents: 'Amounts raised reported (€)',
      projectCount: 'Collective projects',
      organisationCount: 'Companies taking part in the projects',
    },
    stages: {
      idea: 'Idea',
      pilot: 'Pilot action',
      project: 'Project',
      industrial: 'Industrial process',
      market: 'Market',
    },
  },
} as const;

type IndicatorKey = keyof FunderReport['indicators'];
const INDICATORS = Object.keys(WORDS.fr.labels) as IndicatorKey[];
const isCents = (key: IndicatorKey) => key.endsWith('Cents');

function formatDate(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}

/** Standard PDF fonts have no narrow no-break space: French figures use a plain no-break one. */
const pdfText = (text: string) => text.replace(/\u202f/g, '\u00a0');

function formatValue(locale: Locale, key: IndicatorKey, value: number): string {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  return isCents(key)
    ? new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(
        value / 100,
      )
    : new Intl.NumberFormat(tag).format(value);
}

function territoryOf(report: FunderReport, locale: Locale) {
  const words = WORDS[locale];
  return report.territory ? `${report.territory.name} (${report.territory.code})` : words.allTerritory;
}

/** The report as a workbook: indicators, projects by stage, and each project's figures. */
export async function funderReportWorkbook(report: FunderReport, locale: Locale): Promise<Buffer> {
  const words = WORDS[locale];
  const book = new ExcelJS.Workbook();
  book.creator = 'Meute';
  const summary = book.addWorksheet(words.indicators);
  summary.columns = [
    { header: words.indicator, key: 'label', width: 52 },
    { header: words.value, key: 'value', width: 18 },
  ];
  summary.addRow({ label: words.network, value: neutraliseFormula(report.networkName) });
  summary.addRow({ label: words.period, value: `${report.from} → ${report.to}` });
  summary.addRow({ label: words.territory, value: neutraliseFormula(territoryOf(report, locale)) });
  for (const key of INDICATORS) {
    const value = report.indicators[key];
    const row = summary.addRow({ label: words.labels[key], value: isCents(key) ? value / 100 : value });
    if (isCents(key)) row.getCell('value').numFmt = '#,##0.00 "€"';
  }
  summary.getRow(1).font = { bold: true };

  const stages = book.addWorksheet(words.byStage);
  stages.columns = [
    { header: words.stageColumn, key: 'stage', width: 24 },
    { header: words.count, key: 'count', width: 10 },
  ];
  for (const { stage, count } of report.projectsByStage) stages.addRow({ stage: words.stages[stage], count });
  stages.getRow(1).font = { bold: true };

  const projects = book.addWorksheet(words.projects);
  projects.columns = [
    { header: words.project, key: 'title', width: 40 },
    { header: words.stageColumn, key: 'stage', width: 20 },
    { header: words.lead, key: 'lead', width: 30 },
    { header: words.labels.jobsKept, key: 'jobsKept', width: 14 },
    { header: words.labels.jobsCreated, key: 'jobsCreated', width: 14 },
    { header: words.labels.trainees, key: 'trainees', width: 14 },
    { header: words.labels.fundingObtainedCents, key: 'funding', width: 22 },
    { header: words.labels.reportedAmountsRaisedCents, key: 'raised', width: 22 },
  ];
  for (const p of report.projects) {
    const row = projects.addRow({
      title: neutraliseFormula(p.title),
      stage: words.stages[p.stage],
      lead: neutraliseFormula(p.leadOrganisationName ?? '—'),
      jobsKept: p.jobsKept,
      jobsCreated: p.jobsCreated,
      trainees: p.trainees,
      funding: p.fundingObtainedCents / 100,
      raised: p.reportedAmountsRaisedCents / 100,
    });
    row.getCell('funding').numFmt = '#,##0.00 "€"';
    row.getCell('raised').numFmt = '#,##0.00 "€"';
  }
  projects.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The report as a one- or two-page PDF a funder can file. */
export function renderFunderReportPdf(report: FunderReport, locale: Locale, at: Date): Promise<Buffer> {
  const words = WORDS[locale];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `${words.title} — ${report.networkName}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const line = (label: string, value: string) => {
    const y = doc.y;
    doc.font('Helvetica').fontSize(10.5).fillColor('#333333').text(pdfText(label), 56, y, { width: 330 });
    const after = doc.y;
    doc
      .font('Helvetica-Bold')
      .fillColor('#111111')
      .text(pdfText(value), 400, y, { width: 140, align: 'right' });
    doc.y = Math.max(after, doc.y) + 4;
  };

  doc.font('Helvetica-Bold').fontSize(20).fillColor('#17375e').text(pdfText(words.title));
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(11).fillColor('#333333');
  doc.text(
    pdfText(`${words.network} : ${report.networkName}`.replace(' : ', locale === 'fr' ? ' : ' : ': ')),
  );
  doc.text(
    pdfText(
      `${words.period}${locale === 'fr' ? ' : ' : ': '}${formatDate(locale, report.from)} → ${formatDate(locale, report.to)}`,
    ),
  );
  doc.text(pdfText(`${words.territory}${locale === 'fr' ? ' : ' : ': '}${territoryOf(report, locale)}`));
  doc.moveDown(1);

  doc.font('Helvetica-Bold').fontSize(13).fillColor('#17375e').text(pdfText(words.indicators));
  doc.moveDown(0.4);
  for (const key of INDICATORS) line(words.labels[key], formatValue(locale, key, report.indicators[key]));
  doc.moveDown(0.8);

  doc.font('Helvetica-Bold').fontSize(13).fillColor('#17375e').text(pdfText(words.byStage), 56);
  doc.moveDown(0.4);
  for (const { stage, count } of report.projectsByStage) line(words.stages[stage], String(count));
  doc.moveDown(0.8);

  if (report.projects.length > 0) {
    doc.font('Helvetica-Bold').fontSize(13).fillColor('#17375e').text(pdfText(words.projects), 56);
    doc.moveDown(0.4);
    for (const p of report.projects) {
      const figures = [
        `${words.labels.jobsKept} ${p.jobsKept}`,
        `${words.labels.trainees} ${p.trainees}`,
        `${words.labels.fundingObtainedCents.replace(' (€)', '')} ${formatValue(locale, 'fundingObtainedCents', p.fundingObtainedCents)}`,
      ].join(' · ');
      doc.font('Helvetica-Bold').fontSize(10.5).fillColor('#111111').text(pdfText(p.title), 56);
      doc
        .font('Helvetica')
        .fontSize(9.5)
        .fillColor('#444444')
        .text(pdfText(`${words.stages[p.stage]} · ${p.leadOrganisationName ?? '—'} · ${figures}`));
      doc.moveDown(0.4);
    }
  }
  doc.moveDown(1);
  doc
    .font('Helvetica')
    .fontSize(8.5)
    .fillColor('#666666')
    .text(pdfText(`${words.generated} ${formatDate(locale, at.toISOString().slice(0, 10))}.`), 56);
  doc.end();
  return done;
}
