// Tools → Protocol Console: the account's MSNP lines in both directions as they happen, per
// connection (NS, each SB), with their time and side, a filter, and the lines shown copied or saved
// as text. Main masks every secret before a line exists, so nothing here can show one.

import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type ConsoleLine, consoleLineParts } from '../../../../shared/console';
import { Checkbox } from '../../components/Checkbox';
import { MenuBar, type MenuDefinition } from '../../components/MenuBar';
import { saveFile } from '../../components/save-file';
import { SearchField } from '../../components/SearchField';
import { useVirtualList, VirtualRows } from '../../components/VirtualList';
import { useMessenger } from '../../store/context';
import { selectSession } from '../../store/selectors';
import { strings } from '../../strings';
import { connectionsOf, consoleFileName, consoleFileText, filterLines } from './console-text';
import { useProtocolConsole } from './use-protocol-console';
import '../../styles/console.css';

const ESTIMATED_LINE_HEIGHT = 18;
const ALL = '';

function Line({ line }: { readonly line: ConsoleLine }) {
  const { time, connection, prefix, text, payload } = consoleLineParts(line, strings.console.words);
  const side = line.direction === 'out' ? strings.console.sent : line.direction === 'in' ? strings.console.received : undefined;
  return (
    <div className={`console-line console-line--${line.direction}`} data-testid="console-line" data-direction={line.direction} data-connection={connection}>
      <span className="console-line__time">{time}</span> <span className="console-line__connection">{connection}</span>{' '}
      {prefix && (
        <>
          <abbr className="console-line__prefix" title={side}>
            {prefix}
          </abbr>{' '}
        </>
      )}
      <span className="console-line__text">{text}</span>
      {payload !== undefined && <pre className="console-line__payload">{payload.replace(/\n+$/, '')}</pre>}
    </div>
  );
}

function ConsoleLines({ lines }: { readonly lines: readonly ConsoleLine[] }) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualList(
    useCallback(() => viewportRef.current, []),
    { count: lines.length, rowKey: (index) => String(lines[index]?.seq ?? index), estimateHeight: ESTIMATED_LINE_HEIGHT, stickToEnd: true, padding: 2 },
  );
  return (
    <VirtualRows
      virtualizer={virtualizer}
      viewportRef={viewportRef}
      className="console__lines"
      role="log"
      aria-live="off"
      aria-label={strings.console.lines}
      tabIndex={0}
      data-testid="console-lines"
      renderRow={(index) => {
        const line = lines[index];
        return line ? <Line line={line} /> : null;
      }}
    />
  );
}

export function ConsoleWindow() {
  const session = useMessenger(selectSession);
  const { ready, recording, lines, error, setRecording, clear } = useProtocolConsole();
  const connectionId = useId();
  const [text, setText] = useState('');
  const [connection, setConnection] = useState(ALL);
  const [status, setStatus] = useState<string>();
  const connections = useMemo(() => connectionsOf(lines), [lines]);
  const shown = useMemo(
    () => filterLines(lines, { text, connection: connection === ALL ? undefined : connection }),
    [lines, text, connection],
  );

  useEffect(() => {
    document.title = strings.console.title(session.handle);
  }, [session.handle]);

  const copy = useCallback(async () => {
    try {
      await navigator.clipboard.writeText(consoleFileText(shown));
      setStatus(strings.console.copied(shown.length));
    } catch {
      setStatus(strings.console.copyFailed);
    }
  }, [shown]);

  const save = useCallback(() => {
    const fileName = consoleFileName(session.handle, new Date());
    saveFile({ fileName, mimeType: 'text/plain;charset=utf-8', content: consoleFileText(shown) });
    setStatus(strings.console.saved(shown.length, fileName));
  }, [shown, session.handle]);

  const menus = useMemo(
    (): MenuDefinition[] => [
      {
        id: 'file',
        label: strings.menu.file,
        items: [
          { id: 'console-save', label: strings.console.save, disabled: shown.length === 0, onSelect: save },
          { id: 'close', label: strings.menu.close, separatorBefore: true, onSelect: () => window.close() },
        ],
      },
      {
        id: 'edit',
        label: strings.history.edit,
        items: [
          { id: 'console-copy', label: strings.console.copy, disabled: shown.length === 0, onSelect: () => void copy() },
          { id: 'console-clear', label: strings.console.clear, disabled: lines.length === 0, separatorBefore: true, onSelect: () => void clear() },
        ],
      },
    ],
    [shown.length, lines.length, clear, copy, save],
  );

  const empty = !ready
    ? undefined
    : lines.length === 0
      ? recording
        ? strings.console.waiting
        : strings.console.off
      : shown.length === 0
        ? strings.console.noMatch
        : undefined;

  return (
    <div className="window console-window" data-testid="console-window">
      <MenuBar menus={menus} />
      <div className="console-toolbar">
        <Checkbox label={strings.console.record} checked={recording} onChange={(on) => void setRecording(on)} testId="console-record" />
        <SearchField
          label={strings.console.filter}
          placeholder={strings.console.filterPlaceholder}
          value={text}
          onChange={setText}
          className="text-input console-toolbar__filter"
          data-testid="console-filter"
        />
        <label className="visually-hidden" htmlFor={connectionId}>
          {strings.console.connection}
        </label>
        <select id={connectionId} value={connection} onChange={(event) => setConnection(event.target.value)} data-testid="console-connection">
          <option value={ALL}>{strings.console.allConnections}</option>
          {connections.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={() => void copy()} disabled={shown.length === 0} data-testid="console-copy">
          {strings.console.copy}
        </button>
        <button type="button" className="button" onClick={save} disabled={shown.length === 0} data-testid="console-save">
          {strings.console.save}
        </button>
      </div>
      <p className="hint console__note">{strings.console.hidden}</p>
      {error && (
        <p className="form-error console__note" role="alert" data-testid="console-error">
          {error}
        </p>
      )}
      <main className="window__content console">
        {empty ? (
          <p className="console__empty" data-testid="console-empty">
            {empty}
          </p>
        ) : (
          <ConsoleLines lines={shown} />
        )}
      </main>
      <p className="console__status" role="status" data-testid="console-status">
        {strings.console.count(shown.length, lines.length)}
        {status && ` ${status}`}
      </p>
    </div>
  );
}
