import FolioCore

/// A filter on the list: what was typed, and what it means.
public struct ListFilter: Equatable, Sendable {
    public var text: String
    public var query: Query
    /// For full-text search results: the matching paths in rank order, with snippets.
    public var searchHits: [String: String]? = nil
    public var rankedPaths: [String]? = nil
    /// The words searched for, and whether the folder was still being indexed
    /// then (so the search runs again when indexing ends).
    public var searchText: String? = nil
    public var searchWasPartial = false

    public init(text: String, query: Query) {
        self.text = text
        self.query = query
    }
}

/// The list's order; `o` cycles through them, `O` reverses.
public enum SortOrder: String, CaseIterable, Equatable, Sendable {
    case date, title, source, time, unread

    public var next: SortOrder {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    var label: String {
        switch self {
        case .date: return "date"
        case .title: return "title"
        case .source: return "source"
        case .time: return "reading time"
        case .unread: return "unread first"
        }
    }
}

/// When an opened article counts as read.
public enum ReadRule: Equatable, Sendable {
    /// As soon as it is opened.
    case open
    /// After it has been open this many seconds.
    case after(seconds: Int)
    /// Only by a key (toggle-read).
    case key
}

extension AppState {
    /// True when the row belongs in the list as it is filtered.
    func isVisible(_ row: ArticleRow) -> Bool {
        guard let filter else { return !row.isArchived }
        if let hits = filter.searchHits, hits[row.path] == nil { return false }
        if row.isArchived && !filter.query.mentionsArchived { return false }
        let facts = QueryFacts(summary: row.summary, isRead: row.isRead, isStarred: row.isStarred, isArchived: row.isArchived,
                               isMarked: row.isMarked, tags: row.allTags)
        return filter.query.matches(facts, now: now)
    }

    /// Builds the list again from the library (after a filter, a sort or a
    /// refresh), keeping the selected article selected where it can.
    public mutating func refreshRows() {
        let selectedPath = selectedRow?.path
        // The usual case (no filter, newest first, nothing archived): the list
        // is the library, sharing its storage instead of a second 100,000-row copy.
        var visible = filter == nil && !library.containsRow(where: \.isArchived) ? library : library.filter(isVisible)
        if let ranked = filter?.rankedPaths {
            let order = Dictionary(ranked.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            visible.sort { (order[$0.path] ?? .max) < (order[$1.path] ?? .max) }
        } else if sort != .date || sortReversed {
            visible = Self.sorted(visible, by: sort, reversed: sortReversed)
        }
        rows = visible
        if let path = selectedPath, let index = rows.firstIndex(where: { $0.path == path }) {
            selection = index
        } else {
            selection = min(selection, max(0, rows.count - 1))
        }
    }

    static func sorted(_ rows: [ArticleRow], by order: SortOrder, reversed: Bool) -> [ArticleRow] {
        func before(_ a: ArticleRow, _ b: ArticleRow) -> Bool {
            switch order {
            case .date: break
            case .title:
                let c = a.summary.title.lowercased(), d = b.summary.title.lowercased()
                if c != d { return c < d }
            case .source:
                let c = (a.summary.source ?? "\u{10FFFF}").lowercased(), d = (b.summary.source ?? "\u{10FFFF}").lowercased()
                if c != d { return c < d }
            case .time:
                if a.summary.words != b.summary.words { return a.summary.words < b.summary.words }
            case .unread:
                if a.isRead != b.isRead { return !a.isRead }
            }
            return comesBefore(a, b)
        }
        return reversed ? rows.sorted { before($1, $0) } : rows.sorted(by: before)
    }

    /// Changes the rows of some articles, in the library and in the list alike.
    mutating func updateRows(_ identities: Set<ArticleIdentity>, _ change: (inout ArticleRow) -> Void) {
        if identities.count == 1, let only = identities.first {
            changeRows(where: { $0.identity == only }, change)  // one article (Enter, N, s): no hashing of every row
        } else {
            changeRows(where: { identities.contains($0.identity) }, change)
        }
    }

    /// Applies `change` to the rows `matches` picks, in the library and in the
    /// list alike. When the list is the library itself (refreshRows shares its
    /// storage), it is changed once and shared again: changing one of two
    /// holders of an array copies all of it first, 100,000 rows for one key.
    mutating func changeRows(where matches: (ArticleRow) -> Bool, _ change: (inout ArticleRow) -> Void) {
        let shared = rows.count == library.count
            && rows.withUnsafeBufferPointer({ $0.baseAddress }) == library.withUnsafeBufferPointer({ $0.baseAddress })
        if shared { rows = [] }
        // Changed out of place: `library` counts the unread again on every change made to it.
        var all: [ArticleRow] = []
        swap(&all, &library)
        for i in all.positions(where: matches) { change(&all[i]) }
        library = all
        if shared {
            rows = library
        } else {
            for i in rows.positions(where: matches) { change(&rows[i]) }
        }
    }

    /// The articles an action applies to: the marked ones, else the selected one.
    var targets: [ArticleRow] {
        let marked = library.positions(where: \.isMarked).map { library[$0] }
        if !marked.isEmpty { return marked }
        return selectedRow.map { [$0] } ?? []
    }
}
