import type { AllocationRuleName, Locale } from '@meute/contracts';
import PDFDocument from 'pdfkit';

/** What the purchase orders of an award show: one order per participating organisation. */
export interface PurchaseOrders {
  locale: Locale;
  networkName: string;
  campaign: {
    id: string;
    title: string;
    category: string;
    specification: string;
    unit: string;
    allocationRule: AllocationRuleName;
    supplierName: string;
    awardedAt: Date;
  };
  orders: { organisationId: string; organisationName: string; quantity: number; amountCents: number }[];
}

const LABELS = {
  fr: {
    title: 'Bon de commande',
    reference: 'Référence',
    date: 'Date',
    network: 'Groupement d’achat',
    buyer: 'Acheteur',
    supplier: 'Fournisseur',
    campaign: 'Campagne',
    item: 'Article',
    unit: 'Unité',
    quantity: 'Quantité',
    unitPrice: 'Prix unitaire payé (HT)',
    amount: 'Montant (HT)',
    specification: 'Spécification',
    rule: 'Règle de répartition',
    footer:
      'Part de l’acheteur dans l’attribution de la campagne, calculée par la règle ci-dessus. Émis par Meute.',
    rules: {
      'equal-unit-price': 'Prix unitaire identique : chacun paie le prix moyen du groupe.',
      'proportional-with-fixed-costs':
        'Proportionnel, frais fixes partagés : les quantités au prix de chacune, les frais fixes à parts égales.',
      shapley: 'Valeur de Shapley : chacun paie son coût marginal moyen.',
    },
  },
  en: {
    title: 'Purchase order',
    reference: 'Reference',
    date: 'Date',
    network: 'Purchasing group',
    buyer: 'Buyer',
    supplier: 'Supplier',
    campaign: 'Campaign',
    item: 'Item',
    unit: 'Unit',
    quantity: 'Quantity',
    unitPrice: 'Unit price paid (excl. VAT)',
    amount: 'Amount (excl. VAT)',
    specification: 'Specification',
    rule: 'Allocation rule',
    footer: 'The buyer’s share of the campaign’s award, computed by the rule above. Issued by Meute.',
    rules: {
      'equal-unit-price': 'Equal unit price: everyone pays the group’s average price.',
      'proportional-with-fixed-costs':
        'Proportional, fixed costs shared: quantities at their price, fixed costs in equal parts.',
      shapley: 'Shapley value: everyone pays their average marginal cost.',
    },
  },
} as const;

/** Characters beyond Latin-1 that the standard PDF fonts' WinAnsi encoding still has. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text the standard Helvetica can show. French number formatting separates thousands with a
 * narrow no-break space (U+202F) that WinAnsi lacks: it would print as two wrong glyphs, so it
 * becomes a no-break space (U+00A0), which WinAnsi has. Any other character it lacks becomes ?.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.replace(/[\u202F\u2007\u2009]/g, '\u00A0').normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x0a || (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff)) out += char;
    else if (WIN_ANSI_EXTRA.has(char)) out += char;
    else if (code === 0x2212) out += '-';
    else out += '?';
  }
  return out;
}

/** A reference both the buyer and the staff quote: year, campaign and organisation. */
export function purchaseOrderReference(campaignId: string, organisationId: string, awardedAt: Date) {
  const year = awardedAt.toLocaleString('en-GB', { year: 'numeric', timeZone: 'Europe/Paris' });
  return `BC-${year}-${campaignId.slice(0, 8)}-${organisationId.slice(0, 4)}`.toUpperCase();
}

/** The purchase orders as a PDF, one A4 page per order (an empty document has one page saying so). */
export function renderPurchaseOrdersPdf(data: PurchaseOrders): Promise<Buffer> {
  const labels = LABELS[data.locale];
  const tag = data.locale === 'fr' ? 'fr-FR' : 'en-GB';
  const euros = (cents: number, maxDigits = 2) =>
    new Intl.NumberFormat(tag, {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: 2,
      maximumFractionDigits: maxDigits,
    }).format(cents / 100);
  const number = (value: number) => new Intl.NumberFormat(tag, { maximumFractionDigits: 3 }).format(value);
  const longDate = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(
    data.campaign.awardedAt,
  );
  // French writes the first of the month « 1er juin ».
  const date = data.locale === 'fr' ? longDate.replace(/^1 /, '1er ') : longDate;

  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    autoFirstPage: false,
    info: { Title: toWinAnsi(`${labels.title} – ${data.campaign.title}`), Creator: 'Meute' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const write = (text: string, options?: PDFKit.Mixins.TextOptions) => doc.text(toWinAnsi(text), options);
  const left = 56;
  const width = 595.28 - 2 * left;

  const field = (label: string, value: string, x: number, y: number, w: number) => {
    doc.font('Helvetica').fontSize(8).fillColor('#6b6b6b');
    doc.text(toWinAnsi(label.toUpperCase()), x, y, { width: w });
    doc.font('Helvetica-Bold').fontSize(11).fillColor('#1d1d1b');
    doc.text(toWinAnsi(value), x, doc.y + 2, { width: w });
    return doc.y;
  };

  for (const order of data.orders) {
    doc.addPage();
    doc.font('Helvetica').fontSize(9).fillColor('#6b6b6b');
    write(`${labels.network} · ${data.networkName}`, { width });
    doc.moveDown(0.4);
    doc.font('Helvetica-Bold').fontSize(22).fillColor('#1d1d1b');
    write(labels.title, { width });
    doc.moveDown(0.6);

    let y = doc.y;
    const half = width / 2 - 8;
    field(
      labels.reference,
      purchaseOrderReference(data.campaign.id, order.organisationId, data.campaign.awardedAt),
      left,
      y,
      half,
    );
    y = Math.max(y, field(labels.date, date, left + width / 2 + 8, y, half)) + 16;
    const afterBuyer = field(labels.buyer, order.organisationName, left, y, half);
    const afterSupplier = field(labels.supplier, data.campaign.supplierName, left + width / 2 + 8, y, half);
    y = Math.max(afterBuyer, afterSupplier) + 16;
    y = field(labels.campaign, data.campaign.title, left, y, width) + 24;

    // The order's one line: item, unit, quantity, unit price paid and amount.
    const columns = [
      { label: labels.item, width: width * 0.3, align: 'left' as const },
      { label: labels.unit, width: width * 0.14, align: 'left' as const },
      { label: labels.quantity, width: width * 0.14, align: 'right' as const },
      { label: labels.unitPrice, width: width * 0.2, align: 'right' as const },
      { label: labels.amount, width: width * 0.22, align: 'right' as const },
    ];
    const unitPriceCents = order.quantity > 0 ? order.amountCents / order.quantity : 0;
    const values = [
      data.campaign.title,
      data.campaign.unit,
      number(order.quantity),
      euros(unitPriceCents, 4),
      euros(order.amountCents),
    ];
    doc.rect(left, y, width, 30).fill('#f1efe9');
    let x = left;
    doc.font('Helvetica-Bold').fontSize(8).fillColor('#1d1d1b');
    for (const column of columns) {
      // Centred in the band, on one line or two.
      const label = toWinAnsi(column.label);
      const labelHeight = doc.heightOfString(label, { width: column.width - 8 });
      doc.text(label, x + 4, y + (30 - labelHeight) / 2, { width: column.width - 8, align: column.align });
      x += column.width;
    }
    y += 38;
    x = left;
    doc.font('Helvetica').fontSize(10);
    let rowBottom = y;
    columns.forEach((column, index) => {
      doc.text(toWinAnsi(values[index] ?? ''), x + 4, y, { width: column.width - 8, align: column.align });
      rowBottom = Math.max(rowBottom, doc.y);
      x += column.width;
    });
    y = rowBottom + 8;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .strokeColor('#d0ccc0')
      .stroke();
    doc.font('Helvetica-Bold').fontSize(12);
    const colon = data.locale === 'fr' ? '\u00A0: ' : ': ';
    doc.text(toWinAnsi(`${labels.amount}${colon}${euros(order.amountCents)}`), left, y + 10, {
      width,
      align: 'right',
    });
    y = doc.y + 24;

    if (data.campaign.specification) {
      y = field(labels.specification, '', left, y, width);
      doc.font('Helvetica').fontSize(10).fillColor('#1d1d1b');
      doc.text(toWinAnsi(data.campaign.specification), left, y, { width, height: 260, ellipsis: true });
      y = doc.y + 16;
    }
    field(labels.rule, '', left, y, width);
    doc.font('Helvetica').fontSize(10).fillColor('#1d1d1b');
    write(labels.rules[data.campaign.allocationRule], { width });

    // In the bottom margin, where pdfkit would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('#6b6b6b');
    doc.text(toWinAnsi(labels.footer), left, 841.89 - 56 - 20, { width, lineBreak: false, height: 20 });
  }
  if (data.orders.length === 0) {
    doc.addPage();
    doc.font('Helvetica').fontSize(12);
    write(data.locale === 'fr' ? 'Aucun bon de commande.' : 'No purchase order.');
  }
  doc.end();
  return done;
}
