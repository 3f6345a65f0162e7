// A contact's details: address, name, status, and the lists they are on.

import type { Contact } from '../../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { DismissButton } from '../../components/DialogButtons';
import { strings } from '../../strings';

export function PropertiesDialog({ contact, onClose }: { readonly contact: Contact; readonly onClose: () => void }) {
  return (
    <Dialog title={strings.properties.title(contact.friendlyName)} onClose={onClose} testId="properties-dialog">
      <dl className="properties">
        <dt>{strings.properties.handle}</dt>
        <dd>{contact.handle}</dd>
        <dt>{strings.properties.name}</dt>
        <dd>{contact.friendlyName}</dd>
        <dt>{strings.properties.status}</dt>
        <dd>{strings.statusLabel(contact.status)}</dd>
        <dt>{strings.properties.lists}</dt>
        <dd>
          <ul className="properties__lists">
            {contact.lists.map((list) => (
              <li key={list}>{strings.listLabel(list)}</li>
            ))}
          </ul>
        </dd>
      </dl>
      <DismissButton onClose={onClose} />
    </Dialog>
  );
}
