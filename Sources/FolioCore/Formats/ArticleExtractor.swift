/// Turns one file's bytes into a clean `Article`. One extractor per format.
public protocol ArticleExtractor: Sendable {
    func extract(from bytes: [UInt8], fileName: String) throws(ExtractionError) -> Article
}

public enum ExtractionError: Error, Equatable, CustomStringConvertible {
    case binary
    case empty
    case unreadable(String)

    public var description: String {
        switch self {
        case .binary: return "binary file, not text"
        case .empty: return "empty file"
        case .unreadable(let reason): return reason
        }
    }
}

/// The extractor for each format.
public enum Extractors {
    public static func extractor(for format: ArticleFormat) -> ArticleExtractor {
        switch format {
        case .text: return PlainTextExtractor()
        case .markdown: return MarkdownExtractor()
        case .html: return HTMLExtractor()
        }
    }

    /// Decodes text-based formats, failing on binary or empty files.
    static func decodeText(_ bytes: [UInt8]) throws(ExtractionError) -> (String, String?) {
        let decoded: TextDecoding.Decoded
        do { decoded = try TextDecoding.decode(bytes) } catch { throw .binary }
        if decoded.text.allSatisfy(\.isWhitespace) { throw .empty }
        return (decoded.text, decoded.note)
    }

    /// A title from a file name: "night-harvests_2026.md" -> "night harvests 2026".
    static func title(fromFileName name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        let stem = base.lastIndex(of: ".").map { String(base[..<$0]) } ?? base
        return TextCleanup.collapseWhitespace(stem.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " "))
    }
}
