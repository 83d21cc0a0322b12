import Foundation
import FolioCore
import TermKit

/// Which pane receives keys.
public enum Focus: Equatable, Sendable { case list, reader }

/// One row of the article list: the article and what folio remembers about it.
public struct ArticleRow: Equatable, Sendable {
    public var summary: ArticleSummary
    public var isRead: Bool
    public var isStarred = false
    public var isArchived = false
    public var tags: [String] = []
    /// How far through the article the reader got, 0…1.
    public var position: Double = 0
    /// Marked with `t` for an action on several articles at once.
    public var isMarked = false

    public init(summary: ArticleSummary, isRead: Bool) {
        self.summary = summary
        self.isRead = isRead
    }

    public init(summary: ArticleSummary, state: ArticleState) {
        self.summary = summary
        isRead = state.isRead
        isStarred = state.isStarred
        isArchived = state.isArchived
        tags = state.tags
        position = state.position
    }

    var identity: ArticleIdentity { summary.identity }
    var path: String { summary.path }

    /// The file's own tags (front matter) and the user's, each once.
    public var allTags: [String] {
        summary.tags.isEmpty ? tags : ArticleSummary.cleanTags(summary.tags + tags)
    }

    /// Opened and left part-way through.
    public var isHalfRead: Bool { position > 0.02 && position < 0.95 }
}

/// The article shown in the reader pane.
public struct ReaderState: Equatable, Sendable {
    public enum Content: Equatable, Sendable {
        case loading
        case loaded(Article)
        case failed(String)
    }

    public var path: String
    public var content: Content = .loading
    /// The article laid out for `layoutWidth` columns.
    public var lines: [StyledLine] = []
    public var layoutWidth = 0
    /// First visible line.
    public var top = 0
    /// For a long article laid out a slice at a time: the blocks laid out so
    /// far. Nil when every line is laid out.
    public var laidOutBlocks: Int? = nil
    /// Whether any block of a lazily laid out article gave lines yet (the
    /// next one is then set a blank line apart).
    public var laidOutBody = false
    /// Text being looked for with `/` in the reader; matches are highlighted.
    public var find: String? = nil
    /// The line of the match `n` and `N` last went to.
    public var findLine: Int? = nil
    /// When the reader was focused on this article (for the "read after N seconds" rule).
    public var openedAt: Date? = nil

    public init(path: String) { self.path = path }
}

/// Everything the screen shows. Changed only by `reduce`.
public struct AppState: Equatable, Sendable {
    /// The folder as the title bar shows it.
    public var folderName: String
    /// Every article of the library, newest first.
    public var library: [ArticleRow] {
        didSet { unreadCount = Self.countUnread(library) }
    }
    /// The list as shown: the library without archived articles (unless the
    /// filter asks for them), filtered and sorted. Selection indexes this.
    public var rows: [ArticleRow]
    /// Kept with the library, so drawing a frame never walks the whole list.
    public private(set) var unreadCount: Int
    /// The active filter (`l`, a view, or full-text search results).
    public var filter: ListFilter? = nil
    /// The `set` options of the configuration (sort and read rule included).
    public var settings = Settings.standard
    public var sort: SortOrder {
        get { settings.sort }
        set { settings.sort = newValue }
    }
    public var sortReversed: Bool {
        get { settings.sortReverse }
        set { settings.sortReverse = newValue }
    }
    /// Changes that `u` undoes and `^R` redoes, most recent last.
    public var undoStack: [UndoEntry] = []
    public var redoStack: [UndoEntry] = []
    /// A line being typed at the bottom (a filter, a search, a tag, a command).
    public var prompt: Prompt? = nil
    /// Named filters reachable with 1–9.
    public var views: [SavedView] = []
    /// The article's links, listed with `L`: the selected one.
    public var linkSelection: Int? = nil
    /// When an article counts as read.
    public var readRule: ReadRule {
        get { settings.readRule }
        set { settings.readRule = newValue }
    }
    public var selection = 0
    /// First visible row of the list.
    public var listTop = 0
    public var focus: Focus = .list
    public var zoomed = false
    /// First visible line of the help screen, when it is open.
    public var helpTop: Int? = nil
    public var reader: ReaderState? = nil
    public var size: Size
    /// A one-line message in the status bar until the next key.
    public var message: String? = nil
    /// Files that could not be read, for the status line.
    public var problemCount = 0
    /// The paths of those files, as far as updates of the library said.
    public var problemPaths: Set<String> = []
    /// Set while the folder is read for the first time or refreshed.
    public var indexing: IndexingProgress? = nil
    /// False while the list shows nothing yet from an earlier run (a cold start).
    public var wasIndexedBefore = true
    /// Set when read state cannot be saved (a damaged or read-only database).
    public var stateIsReadOnly = false
    /// "Now", for showing dates; set by the run loop.
    public var now: Date
    public var quitting = false
    public var keyMap: KeyMap
    public var theme: Theme

    public init(folderName: String, rows: [ArticleRow], size: Size, now: Date, problemCount: Int = 0, message: String? = nil,
                keyMap: KeyMap = .standard, theme: Theme = .standard) {
        self.folderName = folderName
        self.library = rows
        self.rows = rows.containsRow(where: \.isArchived) ? rows.filter { !$0.isArchived } : rows
        self.unreadCount = Self.countUnread(rows)
        self.keyMap = keyMap
        self.theme = theme
        self.size = size
        self.now = now
        self.problemCount = problemCount
        self.message = message
    }

    static func countUnread(_ rows: [ArticleRow]) -> Int { rows.countRows { !$0.isRead } }
    public var selectedRow: ArticleRow? { rows.indices.contains(selection) ? rows[selection] : nil }
    public var layout: Layout { Layout(size: size, zoomed: zoomed, mode: settings.layout, textWidth: settings.wrapWidth) }

    /// The key context for the next key.
    public var keyContext: KeyContext {
        if helpTop != nil { return .help }
        if linkSelection != nil { return .links }
        return focus == .list ? .list : .reader
    }

    /// Rows sorted newest first (the article's date, else the file's).
    public static func sorted(_ rows: [ArticleRow]) -> [ArticleRow] {
        rows.sorted(by: comesBefore)
    }

    /// The list's order: newest first, then by title, then by path.
    static func comesBefore(_ a: ArticleRow, _ b: ArticleRow) -> Bool {
        let (da, db) = (a.summary.sortDate, b.summary.sortDate)
        if da != db { return da > db }
        if a.summary.title != b.summary.title { return a.summary.title < b.summary.title }
        return a.summary.path < b.summary.path
    }
}
