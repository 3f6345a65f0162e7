// Picks the window by hash route: the contact-list window, one conversation's window, the history
// window or the protocol console.

import { useActivityReporter } from './activity';
import { ConsoleWindow } from './features/console/ConsoleWindow';
import { ConversationWindow } from './features/conversation/ConversationWindow';
import { MainWindow } from './features/contact-list/MainWindow';
import { HistoryWindow } from './features/history/HistoryWindow';
import { useRoute } from './route';
import { useMessenger } from './store/context';
import { selectSession } from './store/selectors';
import { ThemeRoot } from './theme/theme';
import './styles/base.css';
import './styles/themes.css';

export function App() {
  const route = useRoute();
  const session = useMessenger(selectSession);
  useActivityReporter(session.state === 'online');
  return (
    <ThemeRoot>
      {route.kind === 'conversation' ? (
        <ConversationWindow key={`${route.account}/${route.id}`} id={route.id} />
      ) : route.kind === 'history' ? (
        <HistoryWindow key={`${route.account}/${route.handle ?? ''}`} handle={route.handle} />
      ) : route.kind === 'console' ? (
        <ConsoleWindow key={route.account} />
      ) : (
        <MainWindow />
      )}
    </ThemeRoot>
  );
}
