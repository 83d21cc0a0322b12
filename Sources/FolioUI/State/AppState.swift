import Foundation
import FolioCore
import TermKit

/// Which pane receives keys.
public enum Focus: Equatable, Sendable { case list, reader }

/// One row of the article list.
public struct ArticleRow: Equatable, Sendable {
    public var summary: ArticleSummary
    public var isRead: Bool
    public init(summary: ArticleSummary, isRead: Bool) {
        self.summary = summary
        self.isRead = isRead
    }
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

    public init(path: String) { self.path = path }
}

/// Everything the screen shows. Changed only by `reduce`.
public struct AppState: Equatable, Sendable {
    /// The folder as the title bar shows it.
    public var folderName: String
    public var rows: [ArticleRow] {
        didSet { unreadCount = Self.countUnread(rows) }
    }
    /// Kept with the rows, so drawing a frame never walks the whole list.
    public private(set) var unreadCount: Int
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
        self.rows = rows
        self.unreadCount = Self.countUnread(rows)
        self.keyMap = keyMap
        self.theme = theme
        self.size = size
        self.now = now
        self.problemCount = problemCount
        self.message = message
    }

    static func countUnread(_ rows: [ArticleRow]) -> Int { rows.reduce(0) { $0 + ($1.isRead ? 0 : 1) } }
    public var selectedRow: ArticleRow? { rows.indices.contains(selection) ? rows[selection] : nil }
    public var layout: Layout { Layout(size: size, zoomed: zoomed) }

    /// The key context for the next key.
    public var keyContext: KeyContext { helpTop != nil ? .help : (focus == .list ? .list : .reader) }

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
