import { ComingSoon } from '../../components/coming-soon.tsx';

export function TerritoryPage() {
  return <ComingSoon capability="territory" />;
}
