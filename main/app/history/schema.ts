// The history database's tables. `PRAGMA user_version` numbers the schema: a new version adds a
// step to MIGRATIONS and never edits an old one, so a database made by an older app is brought
// forward in place.
//
// Messages keep their text once: the FTS5 index is an external-content table over `messages`,
// kept in step by triggers (https://sqlite.org/fts5.html#external_content_tables). `seq` is the
// insertion order, which is also the order messages were shown, so "the newest hits" and "the
// last lines" walk an index backwards instead of sorting.

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    started_at INTEGER NOT NULL,
    last_at INTEGER NOT NULL,
    -- The other people's handles, sorted and space-separated: "the same people" for recent lines.
    people TEXT NOT NULL
  );
  CREATE INDEX conversations_by_people ON conversations(people, last_at);

  CREATE TABLE participants (
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    handle TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (conversation_id, handle)
  ) WITHOUT ROWID;
  CREATE INDEX participants_by_handle ON participants(handle, conversation_id);

  CREATE TABLE messages (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    sender TEXT NOT NULL,
    sender_name TEXT NOT NULL,
    text TEXT NOT NULL,
    format TEXT,
    delivery TEXT NOT NULL,
    sent_at INTEGER NOT NULL
  );
  CREATE INDEX messages_by_conversation ON messages(conversation_id, seq);

  CREATE VIRTUAL TABLE message_text USING fts5(
    text, content = 'messages', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER messages_indexed AFTER INSERT ON messages BEGIN
    INSERT INTO message_text(rowid, text) VALUES (new.seq, new.text);
  END;
  CREATE TRIGGER messages_unindexed AFTER DELETE ON messages BEGIN
    INSERT INTO message_text(message_text, rowid, text) VALUES ('delete', old.seq, old.text);
  END;
  CREATE TRIGGER messages_reindexed AFTER UPDATE OF text ON messages BEGIN
    INSERT INTO message_text(message_text, rowid, text) VALUES ('delete', old.seq, old.text);
    INSERT INTO message_text(rowid, text) VALUES (new.seq, new.text);
  END;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
