import GRDB

/// Full text that is owed: `folio list` and `folio show` bring the metadata
/// index up to date without the articles' text (building the full-text index
/// was a third of a cold list's work, and neither command searches). They
/// forget the text of files that changed or went, and note that the root is
/// behind; the next refresh that fills the search index (the reader's, or
/// `folio search`'s) reads the files whose text is missing.
///
/// The note is a counter in `index_meta`, so a refresh that filled the index
/// clears it only if no other folio put the root behind meanwhile.
extension SearchIndex {
    /// How many times the root was put behind since it was last complete; nil when it is complete.
    public func behind(root: String) throws -> Int? {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT value FROM index_meta WHERE key = ?", arguments: [Self.behindKey(root)]) }
    }

    /// Notes that `root` has files without their text (before forgetting any).
    public func putBehind(root: String) throws {
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO index_meta (key, value) VALUES (?, 1)
                ON CONFLICT (key) DO UPDATE SET value = value + 1
                """, arguments: [Self.behindKey(root)])
        }
    }

    /// Clears the note, unless it changed from `seen` (another folio put the root behind again).
    public func caughtUp(root: String, seen: Int) throws {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM index_meta WHERE key = ? AND value = ?", arguments: [Self.behindKey(root), seen])
        }
    }

    /// Articles indexed under `root` whose text the search index lacks.
    public func pathsWithoutText(root: String) throws -> Set<String> {
        try queue.read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT f.path FROM indexed_file AS f
                WHERE f.root = ? AND f.problem IS NULL
                  AND NOT EXISTS (SELECT 1 FROM search_document AS d WHERE d.root = f.root AND d.path = f.path)
                """, arguments: [root]))
        }
    }

    /// True when any text of `root` is indexed (else there is nothing to forget).
    public func hasText(root: String) throws -> Bool {
        try queue.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM search_document WHERE root = ?)", arguments: [root]) ?? false }
    }

    static func behindKey(_ root: String) -> String { "search-behind:" + root }
}
