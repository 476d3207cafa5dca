import { ComingSoon } from '../../components/coming-soon.tsx';

export function FederationPage() {
  return <ComingSoon capability="federation" />;
}
