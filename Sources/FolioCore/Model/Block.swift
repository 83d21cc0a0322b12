/// A piece of article body, independent of the format it came from.
public indirect enum Block: Equatable, Sendable {
    case paragraph([Inline])
    case heading(level: Int, [Inline])
    case quote([Block])
    case list(ordered: Bool, start: Int, items: [[Block]])
    /// Preformatted text, shown as is (never re-wrapped).
    case code(String)
    case rule
    case table(rows: [[[Inline]]], hasHeader: Bool)
    case image(alt: String)

    /// Plain text of the block; nested blocks on their own lines.
    public var plainText: String {
        switch self {
        case .paragraph(let inlines), .heading(_, let inlines): return inlines.plainText
        case .quote(let blocks): return blocks.map(\.plainText).joined(separator: "\n\n")
        case .list(let ordered, let start, let items):
            return items.enumerated().map { index, item in
                (ordered ? "\(start + index). " : "- ") + item.map(\.plainText).joined(separator: "\n")
            }.joined(separator: "\n")
        case .code(let text): return text
        case .rule: return ""
        case .table(let rows, _): return rows.map { $0.map(\.plainText).joined(separator: "\t") }.joined(separator: "\n")
        case .image(let alt): return alt.isEmpty ? "" : "[image: \(alt)]"
        }
    }

    var wordCount: Int {
        switch self {
        case .quote(let blocks): return blocks.reduce(0) { $0 + $1.wordCount }
        case .list(_, _, let items): return items.joined().reduce(0) { $0 + $1.wordCount }
        case .rule, .image: return 0
        default: return WordCount.count(plainText)
        }
    }
}

/// A run of text within a block, with its emphasis.
public struct Inline: Equatable, Sendable {
    public struct Style: OptionSet, Equatable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let emphasis = Style(rawValue: 1)
        public static let strong = Style(rawValue: 2)
        public static let code = Style(rawValue: 4)
        public static let link = Style(rawValue: 8)
    }

    public var text: String
    public var style: Style
    /// For a link: its number in `Article.links`.
    public var linkNumber: Int?

    public init(_ text: String, style: Style = [], linkNumber: Int? = nil) {
        self.text = text
        self.style = style
        self.linkNumber = linkNumber
    }
}

extension Array where Element == Inline {
    public var plainText: String { map(\.text).joined() }
}

extension Block {
    /// A paragraph of plain text.
    public static func text(_ string: String) -> Block { .paragraph([Inline(string)]) }
}
