import { ComingSoon } from '../../components/coming-soon.tsx';

export function TendersPage() {
  return <ComingSoon capability="tenders" />;
}
