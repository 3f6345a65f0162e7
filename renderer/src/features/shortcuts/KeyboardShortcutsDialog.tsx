// Help > Keyboard Shortcuts: every shortcut the app answers, by the window it works in.

import { Dialog } from '../../components/Dialog';
import { DismissButton } from '../../components/DialogButtons';
import { strings } from '../../strings';

const { keys } = strings.shortcuts;

const SECTIONS: readonly { readonly title: string; readonly rows: readonly (readonly [string, string])[] }[] = [
  {
    title: strings.shortcuts.everywhere,
    rows: [
      [keys.f10, strings.shortcuts.menus],
      [keys.esc, strings.shortcuts.closeDialog],
    ],
  },
  {
    title: strings.shortcuts.contactList,
    rows: [
      [keys.ctrlF, strings.shortcuts.find],
      [keys.enter, strings.shortcuts.openContact],
      [keys.shiftF10, strings.shortcuts.contactMenu],
      [keys.del, strings.shortcuts.deleteContact],
    ],
  },
  {
    title: strings.shortcuts.conversation,
    rows: [
      [keys.enter, strings.shortcuts.send],
      [keys.shiftEnter, strings.shortcuts.newLine],
      [keys.ctrlTab, strings.shortcuts.nextWindow],
      [keys.ctrlShiftTab, strings.shortcuts.previousWindow],
      [keys.ctrlW, strings.shortcuts.closeWindow],
      [keys.esc, strings.shortcuts.escapeCloses],
    ],
  },
];

export function KeyboardShortcutsDialog({ onClose }: { readonly onClose: () => void }) {
  return (
    <Dialog title={strings.shortcuts.title} onClose={onClose} testId="shortcuts-dialog" wide>
      {SECTIONS.map((section) => (
        <table key={section.title} className="shortcuts">
          <caption>{section.title}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.shortcuts.key}</th>
              <th scope="col">{strings.shortcuts.does}</th>
            </tr>
          </thead>
          <tbody>
            {section.rows.map(([key, does]) => (
              <tr key={key + does}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{does}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <DismissButton onClose={onClose} />
    </Dialog>
  );
}
