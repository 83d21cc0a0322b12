import Foundation

/// What the article list needs of one file: small, so that a library of
/// 100,000 articles fits in memory without their bodies.
public struct ArticleSummary: Equatable, Sendable {
    /// Path relative to the library folder.
    public var path: String
    /// The file to open (where a symlink leads, or the file itself).
    public var absolutePath: String
    public var identity: ArticleIdentity
    public var title: String
    public var source: String?
    public var author: String?
    public var date: Date?
    public var fileDate: Date
    public var words: Int
    public var format: ArticleFormat
    /// Tags the file itself gives (front matter); the user's own are read state.
    public var tags: [String]

    public init(path: String, absolutePath: String, identity: ArticleIdentity, title: String, source: String?, author: String?,
                date: Date?, fileDate: Date, words: Int, format: ArticleFormat, tags: [String] = []) {
        self.path = path
        self.absolutePath = absolutePath
        self.identity = identity
        self.title = title
        self.source = source
        self.author = author
        self.date = date
        self.fileDate = fileDate
        self.words = words
        self.format = format
        self.tags = tags
    }

    /// Tags as the list keeps them: one line each, no blanks, no repeats.
    public static func cleanTags(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.map { $0.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    /// The date to sort and show: the article's own, else the file's.
    public var sortDate: Date { date ?? fileDate }
    public var readingMinutes: Int { ReadingTime.minutes(words: words) }
}
