import Foundation

/// The kinds of file folio reads.
public enum ArticleFormat: String, Codable, Sendable, CaseIterable {
    case text, markdown, html

    /// The format for a file name, by its extension; nil for files folio skips.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        case "html", "htm", "xhtml": self = .html
        default: return nil
        }
    }
}

/// A clean article: metadata and a body of blocks, whatever file it came from.
public struct Article: Equatable, Sendable {
    public var title: String
    public var subtitle: String?
    public var author: String?
    public var date: Date?
    public var source: String?
    public var url: String?
    public var tags: [String]
    public var body: [Block] { didSet { countedWords = CountedWords() } }
    /// Link targets, numbered from 1 in the order the body refers to them.
    public var links: [String]
    public var format: ArticleFormat
    /// Things the reader should know about how the file was read ("truncated at 8 MB").
    public var notes: [String]

    public init(title: String, subtitle: String? = nil, author: String? = nil, date: Date? = nil,
                source: String? = nil, url: String? = nil, tags: [String] = [], body: [Block] = [],
                links: [String] = [], format: ArticleFormat, notes: [String] = []) {
        self.title = title
        self.subtitle = subtitle
        self.author = author
        self.date = date
        self.source = source
        self.url = url
        self.tags = tags
        self.body = body
        self.links = links
        self.format = format
        self.notes = notes
    }

    /// The body as plain text, paragraphs separated by blank lines.
    public var bodyText: String { body.map(\.plainText).filter { !$0.isEmpty }.joined(separator: "\n\n") }

    /// For an article read only from its start (a very large file): the whole
    /// file's words, estimated from its size, which `words` then reports.
    public var estimatedWords: Int?

    /// The body's words as its extractor counted them while making it; when not known (or the
    /// body has changed since) they are counted from the blocks.
    var countedWords = CountedWords()

    /// Words in the body.
    public var words: Int { estimatedWords ?? countedWords.value ?? body.reduce(0) { $0 + Self.words(in: $1) } }

    /// `block.wordCount`; a paragraph or heading of one run is counted on its text as it is,
    /// without making its plain text (a joined copy).
    private static func words(in block: Block) -> Int {
        switch block {
        case .paragraph(let inlines) where inlines.count == 1, .heading(_, let inlines) where inlines.count == 1:
            return WordCount.count(inlines[0].text)
        default:
            return block.wordCount
        }
    }

    /// Reading time in minutes at 230 words a minute, at least 1.
    public var readingMinutes: Int { ReadingTime.minutes(words: words) }
}

/// A count kept beside an article's body, equal to what counting its blocks gives: not part
/// of what makes two articles equal.
struct CountedWords: Equatable, Sendable {
    var value: Int?
    static func == (_: CountedWords, _: CountedWords) -> Bool { true }
}

public enum ReadingTime {
    public static let wordsPerMinute = 230
    public static func minutes(words: Int) -> Int { max(1, (words + wordsPerMinute / 2) / wordsPerMinute) }
}
