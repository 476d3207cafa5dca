import { ComingSoon } from '../../components/coming-soon.tsx';

export function GroupsPage() {
  return <ComingSoon capability="groups" />;
}
