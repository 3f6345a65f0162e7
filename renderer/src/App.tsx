// Picks the window by hash route: the contact-list window, one conversation's window, or the history window.

import { useActivityReporter } from './activity';
import { ConversationWindow } from './features/conversation/ConversationWindow';
import { MainWindow } from './features/contact-list/MainWindow';
import { HistoryWindow } from './features/history/HistoryWindow';
import { useRoute } from './route';
import { useMessenger } from './store/context';
import { selectSession } from './store/selectors';
import './styles/base.css';

export function App() {
  const route = useRoute();
  const session = useMessenger(selectSession);
  useActivityReporter(session.state === 'online');
  if (route.kind === 'conversation') return <ConversationWindow key={`${route.account}/${route.id}`} id={route.id} />;
  if (route.kind === 'history') return <HistoryWindow key={`${route.account}/${route.handle ?? ''}`} handle={route.handle} />;
  return <MainWindow />;
}
