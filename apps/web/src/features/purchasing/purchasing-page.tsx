import { ComingSoon } from '../../components/coming-soon.tsx';

export function PurchasingPage() {
  return <ComingSoon capability="purchasing" />;
}
