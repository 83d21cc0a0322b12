import Foundation
import GRDB

/// One document as the search index takes it: the fields that are searched.
public struct SearchDocument: Equatable, Sendable {
    /// The file's path within its library root (as in `IndexedFile.path`).
    public var path: String
    public var title: String
    public var author: String?
    public var source: String?
    /// The article's clean text (`Article.bodyText`).
    public var body: String

    public init(path: String, title: String, author: String? = nil, source: String? = nil, body: String) {
        self.path = path
        self.title = title
        self.author = author
        self.source = source
        self.body = body
    }

    /// The searchable fields of an extracted article.
    public init(path: String, article: Article) {
        self.init(path: path, title: article.title, author: article.author, source: article.source, body: article.bodyText)
    }
}

/// One result of a search.
public struct SearchHit: Equatable, Sendable {
    public var path: String
    /// The bm25 score, title weighted above author and source, above body. Lower
    /// (more negative) is better; `search` returns hits best first.
    public var rank: Double
    /// About ten words of the body around the best match, on one line (runs of
    /// white space made one space), with "…" where the body was cut. When only
    /// the title, author or source matched, the body's opening words, unmarked.
    public var snippet: String
    /// Where the matched words are in `snippet`, in order, not overlapping.
    public var highlights: [Range<String.Index>]

    public init(path: String, rank: Double, snippet: String, highlights: [Range<String.Index>]) {
        self.path = path
        self.rank = rank
        self.snippet = snippet
        self.highlights = highlights
    }

    /// `snippet` cut at the highlights, for drawing matched words in another style.
    public var segments: [(text: Substring, isMatch: Bool)] {
        var parts: [(text: Substring, isMatch: Bool)] = []
        var at = snippet.startIndex
        for range in highlights {
            if at < range.lowerBound { parts.append((snippet[at..<range.lowerBound], false)) }
            parts.append((snippet[range], true))
            at = range.upperBound
        }
        if at < snippet.endIndex { parts.append((snippet[at...], false)) }
        return parts
    }
}

/// Full-text search over title, author, source and body of the articles of
/// each library root, with SQLite FTS5 in the metadata index database
/// (`index.sqlite`; tables from the "v2: full text" migration). Like the rest
/// of the index it is a cache: it can always be rebuilt from the files.
///
/// Words match case- and accent-insensitively (`cafe` finds "Café") and as
/// prefixes; see `SearchQuery` for what a query may contain.
public final class SearchIndex: @unchecked Sendable {
    /// bm25 weights of title, author, source and body.
    public static let weights: (title: Double, author: Double, source: Double, body: Double) = (10, 3, 3, 1)
    /// Words of context in a snippet.
    public static let snippetWords = 10

    // Mark matched words in FTS5's snippet; they are removed from indexed text.
    static let openMark: Character = "\u{02}"
    static let closeMark: Character = "\u{03}"

    let queue: DatabaseQueue

    public init(store: IndexStore) {
        queue = store.queue
    }

    /// Adds or replaces `documents` and forgets the `removed` paths, in one
    /// transaction. Removals are applied first, so a path in both stays, updated.
    public func update(root: String, documents: [SearchDocument], removed: [String]) throws {
        guard !documents.isEmpty || !removed.isEmpty else { return }
        try queue.write { db in
            let find = try db.makeStatement(sql: "SELECT id FROM search_document WHERE root = ? AND path = ?")
            let forgetText = try db.makeStatement(sql: "DELETE FROM search_text WHERE rowid = ?")
            let forgetDocument = try db.makeStatement(sql: "DELETE FROM search_document WHERE id = ?")
            for path in removed {
                guard let id = try Int64.fetchOne(find, arguments: [root, path]) else { continue }
                try forgetText.execute(arguments: [id])
                try forgetDocument.execute(arguments: [id])
            }
            let addDocument = try db.makeStatement(sql: "INSERT INTO search_document (root, path) VALUES (?, ?)")
            let addText = try db.makeStatement(sql: "INSERT INTO search_text (rowid, title, author, source, body) VALUES (?, ?, ?, ?, ?)")
            let replaceText = try db.makeStatement(sql: "UPDATE search_text SET title = ?, author = ?, source = ?, body = ? WHERE rowid = ?")
            for doc in documents {
                let fields = [doc.title, doc.author ?? "", doc.source ?? "", doc.body].map(Self.clean)
                if let id = try Int64.fetchOne(find, arguments: [root, doc.path]) {
                    try replaceText.execute(arguments: [fields[0], fields[1], fields[2], fields[3], id])
                } else {
                    try addDocument.execute(arguments: [root, doc.path])
                    let id = db.lastInsertedRowID
                    try addText.execute(arguments: [id, fields[0], fields[1], fields[2], fields[3]])
                }
            }
        }
    }

    /// The best `limit` matches for `query` among the documents of `root`, best
    /// first (ties by path). A query with nothing to search for finds nothing.
    public func search(root: String, query: String, limit: Int) throws -> [SearchHit] {
        guard limit > 0, let match = SearchQuery.matchExpression(query) else { return [] }
        let w = Self.weights
        // CROSS JOIN keeps the FTS5 table as the outer loop, so MATCH drives the query.
        let sql = """
            SELECT d.path, bm25(search_text, \(w.title), \(w.author), \(w.source), \(w.body)) AS score,
                   snippet(search_text, 3, ?, ?, '…', ?)
            FROM search_text CROSS JOIN search_document AS d ON d.id = search_text.rowid
            WHERE search_text MATCH ? AND d.root = ?
            ORDER BY score, d.path
            LIMIT ?
            """
        return try queue.read { db in
            let rows = try Row.fetchAll(db, sql: sql, arguments: [
                String(Self.openMark), String(Self.closeMark), Self.snippetWords, match, root, limit,
            ])
            return rows.map { row in
                let (snippet, highlights) = Self.parseSnippet(row[2] ?? "")
                return SearchHit(path: row[0], rank: row[1], snippet: snippet, highlights: highlights)
            }
        }
    }

    /// Documents indexed for `root`.
    public func count(root: String) throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM search_document WHERE root = ?", arguments: [root]) ?? 0 }
    }

    /// The paths indexed for `root` (to find files the search index lacks, e.g.
    /// after an index from an older folio gained the search tables).
    public func paths(root: String) throws -> Set<String> {
        try queue.read { db in Set(try String.fetchAll(db, sql: "SELECT path FROM search_document WHERE root = ?", arguments: [root])) }
    }

    /// Forgets every document of `root`, or of every root when nil.
    public func removeAll(root: String? = nil) throws {
        try queue.write { db in
            if let root {
                try db.execute(sql: "DELETE FROM search_text WHERE rowid IN (SELECT id FROM search_document WHERE root = ?)", arguments: [root])
                try db.execute(sql: "DELETE FROM search_document WHERE root = ?", arguments: [root])
            } else {
                try db.execute(sql: "DELETE FROM search_text")
                try db.execute(sql: "DELETE FROM search_document")
            }
        }
    }

    /// Text as indexed: without the characters that mark matches in snippets.
    /// The marks are control characters, each always a character of its own,
    /// so this works on UTF-8 bytes (0x02 and 0x03 occur in no other scalar).
    static func clean(_ text: String) -> String {
        func isMark(_ byte: UInt8) -> Bool { byte == 0x02 || byte == 0x03 }
        let marked = text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isMark) } ?? text.utf8.contains(where: isMark)
        guard marked else { return text }
        let bytes: [UInt8] = text.utf8.map { isMark($0) ? 0x20 : $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// FTS5's snippet with marks → one line of text and the marked ranges.
    static func parseSnippet(_ raw: String) -> (String, [Range<String.Index>]) {
        var text = ""
        var marked: [(start: Int, end: Int)] = []  // UTF-8 offsets in `text`
        var openedAt: Int? = nil
        var pendingSpace = false
        for c in raw {
            if c == openMark {
                if pendingSpace, !text.isEmpty { text.append(" ") }
                pendingSpace = false
                openedAt = text.utf8.count
            } else if c == closeMark {
                if let start = openedAt, text.utf8.count > start { marked.append((start, text.utf8.count)) }
                openedAt = nil
            } else if c.isWhitespace {
                pendingSpace = true
            } else {
                if pendingSpace, !text.isEmpty { text.append(" ") }
                pendingSpace = false
                text.append(c)
            }
        }
        let ranges = marked.map { m in
            text.utf8.index(text.startIndex, offsetBy: m.start)..<text.utf8.index(text.startIndex, offsetBy: m.end)
        }
        return (text, ranges)
    }
}
