import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactIn, contactKey, withContacts, withoutContacts } from '../../../shared/contacts';
import type { Contact, MessengerState, StatusCode } from '../../../shared/model';
import { moveChangedContacts, trackContactSections } from './contact-sections';
import { contactSections } from './selectors';

type Contacts = MessengerState['contacts'];

const STATUSES: StatusCode[] = ['NLN', 'BSY', 'AWY', 'FLN', 'HDN'];
const NAMES = ['Alice', 'bob', 'Bob', 'Émile', 'zed', 'Zoë', 'Carol 2', 'Carol 10', ''];

function person(index: number, status: StatusCode = 'NLN', name = NAMES[index % NAMES.length] as string): Contact {
  return { handle: `p${index}@x.com`, friendlyName: name, status, lists: index % 7 === 6 ? ['AL'] : ['FL', 'AL'] };
}

const everyone = (count: number): Contacts => Array.from({ length: count }, (_, index) => person(index));

/** A change a patch can bring: a new status, a new name, someone added, someone removed. */
const change = fc.oneof(
  fc.record({ kind: fc.constant('status' as const), index: fc.nat(59), status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('name' as const), index: fc.nat(59), name: fc.constantFrom(...NAMES) }),
  fc.record({ kind: fc.constant('add' as const), index: fc.integer({ min: 60, max: 80 }) }),
  fc.record({ kind: fc.constant('remove' as const), index: fc.nat(80) }),
);

/**
 * The changes made one at a time, as patches make them (each version noting what it changed), or
 * `unnoted`, as plain arrays that say nothing of what changed (every contact is compared then).
 */
function apply(contacts: Contacts, changes: ReadonlyArray<typeof change extends fc.Arbitrary<infer C> ? C : never>, unnoted = false): Contacts {
  let next = contacts;
  for (const step of changes) {
    const handle = `p${step.index}@x.com`;
    const current = contactIn(next, handle) ?? person(step.index);
    const key = contactKey(handle);
    if (step.kind === 'status') next = withContacts(next, new Map([[key, { ...current, status: step.status }]]));
    else if (step.kind === 'name') next = withContacts(next, new Map([[key, { ...current, friendlyName: step.name }]]));
    else if (step.kind === 'add') next = withContacts(next, new Map([[key, person(step.index, 'BSY')]]));
    else next = withoutContacts(next, [key]);
  }
  return unnoted ? [...next] : next;
}

describe('contact sections kept up to date', () => {
  it('moves changed contacts to exactly where sorting everything again puts them', () => {
    fc.assert(
      fc.property(fc.array(fc.array(change, { maxLength: 8 }), { minLength: 1, maxLength: 12 }), fc.constantFrom('', 'bo', 'ZO'), fc.boolean(), (patches, filter, unnoted) => {
        const sectionsOf = trackContactSections();
        let contacts = everyone(60);
        sectionsOf(contacts, filter);
        for (const changes of patches) {
          contacts = apply(contacts, changes, unnoted);
          expect(sectionsOf(contacts, filter)).toEqual(contactSections(contacts, filter));
        }
      }),
    );
  });

  it('moves one contact who changed status and keeps every other contact where it was', () => {
    const before = everyone(60);
    const sections = contactSections(before, '');
    const busy = { ...(contactIn(before, 'p3@x.com') as Contact), status: 'FLN' as const };
    const after = withContacts(before, new Map([[busy.handle, busy]]));
    const moved = moveChangedContacts(before, sections, after, '');
    expect(moved?.online).not.toContain(contactIn(before, 'p3@x.com'));
    expect(moved?.offline).toContain(busy);
    expect(moved?.online.length).toBe(sections.online.length - 1);
  });

  it('leaves a change to many contacts to a full sort', () => {
    const before = everyone(200);
    const after = before.map((contact) => ({ ...contact, status: 'BSY' as const }));
    expect(moveChangedContacts(before, contactSections(before, ''), after, '')).toBeUndefined();
  });
});
