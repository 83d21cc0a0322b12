import Foundation
import GRDB

/// All of folio's per-article state, as `folio export` writes it and
/// `folio import` reads it:
///
/// ```json
/// {
///   "articles": {
///     "url:https://example.org/a": {"archived": false, "position": 0.42, "read": true, "starred": false, "tags": ["energy"]}
///   },
///   "exported": "2026-11-29T10:00:00Z",
///   "folio": 1
/// }
/// ```
///
/// Keys are sorted and the output is stable: the same state exported at the
/// same moment gives the same bytes. On reading, an entry's fields may be left
/// out (false, 0, no tags), but a field of the wrong type, an unknown field or
/// a position outside 0…1 makes the whole file invalid: nothing is imported.
public struct StateExport: Equatable, Sendable {
    /// The format this folio writes and reads; files with a higher number come
    /// from a newer folio and are refused.
    public static let formatVersion = 1

    /// When the export was written (nil when a file leaves it out).
    public var exported: Date?
    public var articles: [ArticleIdentity: ArticleState]

    public init(articles: [ArticleIdentity: ArticleState], exported: Date? = nil) {
        self.articles = articles.mapValues(\.normalizedForTransfer)
        self.exported = exported
    }

    /// The JSON text: keys sorted, one line per article (so two exports diff
    /// line by line), ending in a newline.
    public func jsonData() -> Data {
        var out = "{\n  \"articles\": {"
        let sorted = articles.sorted { $0.key.rawValue < $1.key.rawValue }
        for (index, (identity, state)) in sorted.enumerated() {
            let tags = state.normalizedForTransfer.tags.map(Self.quoted).joined(separator: ", ")
            out += index == 0 ? "\n" : ",\n"
            out += "    \(Self.quoted(identity.rawValue)): {\"archived\": \(state.isArchived), \"position\": \(Self.number(state.position)), "
                + "\"read\": \(state.isRead), \"starred\": \(state.isStarred), \"tags\": [\(tags)]}"
        }
        out += sorted.isEmpty ? "},\n" : "\n  },\n"
        if let exported { out += "  \"exported\": \(Self.quoted(DateParser.iso8601(exported))),\n" }
        out += "  \"folio\": \(Self.formatVersion)\n}\n"
        return Data(out.utf8)
    }

    /// 0, 1, 0.42: the shortest text that reads back as the same number.
    private static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Reads an export, checking all of it before anything is used.
    public static func parse(_ data: Data) throws(StateTransferError) -> StateExport {
        // JSONSerialization says where the syntax breaks; JSONDecoder does not.
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw .notJSON(detail: Self.syntaxDetail(error, in: data))
        }
        do {
            let document = try JSONDecoder().decode(DecodedDocument.self, from: data)
            return StateExport(articles: document.articles, exported: document.exported)
        } catch let error as StateTransferError {
            throw error
        } catch let error as DecodingError {
            throw Self.describe(error)
        } catch {
            throw .notJSON(detail: "\(error)")
        }
    }

    /// "Invalid value around character 44." → "invalid value at line 3, column 12".
    private static func syntaxDetail(_ error: Error, in data: Data) -> String {
        let message = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        guard let range = message.range(of: #"character (\d+)"#, options: .regularExpression),
              let offset = Int(message[range].dropFirst("character ".count)) else {
            let trimmed = message.hasSuffix(".") ? String(message.dropLast()) : message
            return trimmed.prefix(1).lowercased() + trimmed.dropFirst()
        }
        let before = data.prefix(offset)
        let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let column = before.count - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
        let head = message[..<range.lowerBound].replacingOccurrences(of: "around ", with: "").trimmingCharacters(in: .whitespaces)
        return "\(head.prefix(1).lowercased() + head.dropFirst()) at line \(line), column \(column)"
    }

    private static func describe(_ error: DecodingError) -> StateTransferError {
        switch error {
        case .typeMismatch(let type, let context):
            let found = context.debugDescription.contains("found null") ? ", found null" : ""
            return .invalid(field: fieldPath(context.codingPath), problem: "expected \(typeName(type))\(found)")
        case .valueNotFound(let type, let context):
            return .invalid(field: fieldPath(context.codingPath), problem: "expected \(typeName(type)), found null")
        case .keyNotFound(let key, let context):
            return .invalid(field: fieldPath(context.codingPath + [key]), problem: "missing")
        case .dataCorrupted(let context):
            return .invalid(field: fieldPath(context.codingPath), problem: context.debugDescription)
        @unknown default:
            return .notJSON(detail: "\(error)")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: return "true or false"
        case is Double.Type: return "a number"
        case is Int.Type: return "a whole number"
        case is String.Type: return "a string"
        default: return String(describing: type).hasPrefix("Array") ? "a list of strings" : "an object"
        }
    }

    /// `articles["url:https://example.org/a"].read`.
    static func fieldPath(_ path: [any CodingKey]) -> String {
        var out = ""
        for (index, key) in path.enumerated() {
            if let number = key.intValue { out += "[\(number)]" } else if index == 1 && path[0].stringValue == "articles" {
                out += "[\(quoted(key.stringValue))]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out.isEmpty ? "the file" : out
    }

    static func quoted(_ text: String) -> String { JSONString.quoted(text) }
}

/// What is wrong with a file given to `folio import`.
public enum StateTransferError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not JSON at all; `detail` says where it breaks.
    case notJSON(detail: String)
    /// JSON, but not a folio export (no `"folio"` format number at the top).
    case notAnExport
    /// Written by a newer folio, in a format this one does not know.
    case newerFormat(Int)
    /// A field has the wrong type or value.
    case invalid(field: String, problem: String)

    public var description: String {
        switch self {
        case .notJSON(let detail):
            return "not valid JSON (\(detail))"
        case .notAnExport:
            return "not a folio state export (expected a JSON object starting {\"folio\": 1, …} as written by 'folio export')"
        case .newerFormat(let version):
            return "written by a newer folio (export format \(version); this folio reads format \(StateExport.formatVersion)); upgrade folio to import it"
        case .invalid(let field, let problem):
            return "\(field): \(problem)"
        }
    }
}

/// How `importAll` combines a file with the database.
public enum ImportMode: Sendable {
    /// Combine each article's state in the file with the one in the database
    /// (see `ArticleState.merged(with:)`); articles only in the database stay.
    case merge
    /// Make the database equal to the file: articles it does not name are forgotten.
    case replace
}

/// What an import changed.
public struct ImportSummary: Equatable, Sendable {
    /// Articles the database knew nothing about.
    public var added = 0
    /// Articles whose state changed.
    public var updated = 0
    /// Articles in the file whose state was already the result.
    public var unchanged = 0
    /// Articles forgotten because the file does not name them (replace only).
    public var removed = 0

    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0, removed: Int = 0) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
        self.removed = removed
    }
}

extension ArticleState {
    /// The merge rule of `folio import` (without `--replace`), for one article
    /// known to both sides: nothing either side remembers is lost.
    ///
    /// - read, starred, archived: true when either side says so;
    /// - tags: the union of both sides' tags;
    /// - position: the further of the two.
    ///
    /// The database keeps one change time per article, not per field, so
    /// "newest wins" would drop, say, a star added on one machine because the
    /// article was read later on the other. Union never loses a mark; it is
    /// the same whichever way round two machines are merged, and merging the
    /// same file twice changes nothing. To take a mark away everywhere (mark
    /// unread, unstar), import with `--replace`.
    public func merged(with other: ArticleState) -> ArticleState {
        ArticleState(isRead: isRead || other.isRead,
                     isStarred: isStarred || other.isStarred,
                     isArchived: isArchived || other.isArchived,
                     position: Swift.max(position, other.position),
                     tags: Array(Set(tags).union(other.tags)).sorted())
    }

    /// Tags sorted and without duplicates, as the database returns them.
    var normalizedForTransfer: ArticleState {
        var copy = self
        copy.tags = Array(Set(tags)).sorted()
        return copy
    }
}

extension StateStore {
    /// Everything folio remembers, for `folio export`.
    public func exportAll(at date: Date = Date()) throws -> StateExport {
        StateExport(articles: try states(), exported: date)
    }

    /// Imports an export in one transaction: all of it, or (on any error)
    /// nothing. `.merge` combines each article with what the database has
    /// (`ArticleState.merged(with:)`); `.replace` makes the database's article
    /// state equal to the file. Settings are not article state and stay.
    /// Articles whose state does not change are not written (their change
    /// time stays as it was).
    @discardableResult
    public func importAll(_ export: StateExport, mode: ImportMode) throws(StateFailure) -> ImportSummary {
        if let reason = readOnlyReason { throw .notSaved(reason: reason) }
        let now = Date().timeIntervalSince1970
        do {
            return try queue.write { db in
                let current = try Self.allStates(db)
                var summary = ImportSummary()
                if mode == .replace {
                    let gone = current.keys.filter { export.articles[$0] == nil }
                    let deleteState = try db.makeStatement(sql: "DELETE FROM article_state WHERE identity = ?")
                    let deleteTags = try db.makeStatement(sql: "DELETE FROM article_tag WHERE identity = ?")
                    for identity in gone {
                        try deleteState.execute(arguments: [identity.rawValue])
                        try deleteTags.execute(arguments: [identity.rawValue])
                    }
                    summary.removed = gone.count
                }
                let upsert = try db.makeStatement(sql: """
                    INSERT INTO article_state (identity, read, starred, archived, position, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(identity) DO UPDATE SET read = excluded.read, starred = excluded.starred,
                        archived = excluded.archived, position = excluded.position, updated_at = excluded.updated_at
                    """)
                let clearTags = try db.makeStatement(sql: "DELETE FROM article_tag WHERE identity = ?")
                let addTag = try db.makeStatement(sql: "INSERT OR IGNORE INTO article_tag (identity, tag) VALUES (?, ?)")
                for identity in export.articles.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                    let incoming = export.articles[identity]!.normalizedForTransfer
                    let existing = current[identity]
                    let target = mode == .replace ? incoming : (existing?.merged(with: incoming) ?? incoming)
                    if let existing {
                        if existing == target { summary.unchanged += 1; continue }
                        summary.updated += 1
                    } else {
                        summary.added += 1
                    }
                    try upsert.execute(arguments: [identity.rawValue, target.isRead, target.isStarred, target.isArchived, target.position, now])
                    try clearTags.execute(arguments: [identity.rawValue])
                    for tag in target.tags { try addTag.execute(arguments: [identity.rawValue, tag]) }
                }
                return summary
            }
        } catch let error as DatabaseError {
            throw .writeFailed(path: path, reason: StateOpening.describe(error))
        } catch {
            throw .writeFailed(path: path, reason: "\(error)")
        }
    }

    /// The state of every article, read inside the import's transaction.
    private static func allStates(_ db: Database) throws -> [ArticleIdentity: ArticleState] {
        var states: [ArticleIdentity: ArticleState] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT identity, read, starred, archived, position FROM article_state") {
            states[ArticleIdentity(rawValue: row[0])] = ArticleState(isRead: row[1], isStarred: row[2], isArchived: row[3], position: row[4])
        }
        for row in try Row.fetchAll(db, sql: "SELECT identity, tag FROM article_tag ORDER BY tag") {
            states[ArticleIdentity(rawValue: row[0]), default: ArticleState()].tags.append(row[1])
        }
        return states
    }
}

// MARK: - JSON shapes

/// Any key, so unknown fields can be found and named.
private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

private struct DecodedDocument: Decodable {
    var exported: Date?
    var articles: [ArticleIdentity: ArticleState] = [:]

    init(from decoder: Decoder) throws {
        guard let top = try? decoder.container(keyedBy: AnyKey.self), top.contains(AnyKey("folio")) else {
            throw StateTransferError.notAnExport
        }
        // The format number first: a newer file may differ in everything else.
        guard let version = try? top.decode(Int.self, forKey: AnyKey("folio")) else {
            throw StateTransferError.invalid(field: "folio", problem: "expected the export format number \(StateExport.formatVersion)")
        }
        if version > StateExport.formatVersion { throw StateTransferError.newerFormat(version) }
        guard version == StateExport.formatVersion else {
            throw StateTransferError.invalid(field: "folio", problem: "unknown export format \(version)")
        }
        for key in top.allKeys where !["folio", "exported", "articles"].contains(key.stringValue) {
            throw StateTransferError.invalid(field: StateExport.quoted(key.stringValue), problem: "unknown field (expected folio, exported, articles)")
        }
        if top.contains(AnyKey("exported")) {
            let text = try top.decode(String.self, forKey: AnyKey("exported"))
            guard let date = ISO8601DateFormatter().date(from: text) else {
                throw StateTransferError.invalid(field: "exported", problem: "expected a date like 2026-11-29T10:00:00Z")
            }
            exported = date
        }
        guard top.contains(AnyKey("articles")) else { throw StateTransferError.invalid(field: "articles", problem: "missing") }
        let list = try top.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("articles"))
        for key in list.allKeys {
            let field = StateExport.fieldPath([AnyKey("articles"), key])
            guard !key.stringValue.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw StateTransferError.invalid(field: field, problem: "an article identity cannot be empty")
            }
            let entry = try list.nestedContainer(keyedBy: AnyKey.self, forKey: key)
            let known = ["read", "starred", "archived", "position", "tags"]
            for name in entry.allKeys where !known.contains(name.stringValue) {
                throw StateTransferError.invalid(field: field + "." + name.stringValue, problem: "unknown field (expected \(known.joined(separator: ", ")))")
            }
            func flag(_ name: String) throws -> Bool {
                entry.contains(AnyKey(name)) ? try entry.decode(Bool.self, forKey: AnyKey(name)) : false
            }
            var state = ArticleState(isRead: try flag("read"), isStarred: try flag("starred"), isArchived: try flag("archived"))
            if entry.contains(AnyKey("position")) {
                let position = try entry.decode(Double.self, forKey: AnyKey("position"))
                guard position.isFinite, (0...1).contains(position) else {
                    throw StateTransferError.invalid(field: field + ".position", problem: "expected a number from 0 to 1, found \(position)")
                }
                state.position = position
            }
            if entry.contains(AnyKey("tags")) {
                state.tags = try entry.decode([String].self, forKey: AnyKey("tags"))
                if state.tags.contains(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
                    throw StateTransferError.invalid(field: field + ".tags", problem: "a tag cannot be empty")
                }
            }
            articles[ArticleIdentity(rawValue: key.stringValue)] = state
        }
    }
}
