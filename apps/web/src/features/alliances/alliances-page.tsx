import { ComingSoon } from '../../components/coming-soon.tsx';

export function AlliancesPage() {
  return <ComingSoon capability="alliances" />;
}
