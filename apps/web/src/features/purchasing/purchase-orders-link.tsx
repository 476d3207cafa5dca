import { useTranslation } from 'react-i18next';
import { purchaseOrdersUrl } from '../../app/api.ts';

/**
 * Downloads the purchase orders of an awarded campaign as PDF: every company's page for staff,
 * my companies' pages for a member. Nothing before the award, when there is no order yet.
 */
export function PurchaseOrdersLink({
  slug,
  campaignId,
  status,
  canManage,
  shareCount,
}: {
  slug: string;
  campaignId: string;
  status: 'open' | 'closed' | 'awarded';
  /** Staff get every company's order; the wording says so. */
  canManage: boolean;
  /** The shares the person sees in the award (`award.shares.length`): a member without one has no order. */
  shareCount: number;
}) {
  const { t } = useTranslation();
  if (status !== 'awarded' || (!canManage && shareCount === 0)) return null;
  return (
    <a className="button button-secondary button-small" href={purchaseOrdersUrl(slug, campaignId)} download>
      {canManage ? t('purchasingSavings.purchaseOrdersAll') : t('purchasingSavings.purchaseOrders')}
    </a>
  );
}
