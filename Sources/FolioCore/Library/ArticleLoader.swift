import Foundation

/// Reads and extracts one article file.
public enum ArticleLoader {
    public struct Loaded: Sendable {
        public var article: Article
        public var identity: ArticleIdentity
        public var size: Int
        public var modified: Date
    }

    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Loads `path`; the format comes from `format` or the file name. With a
    /// `limit` below the file's size only its start is read (cut at a line end),
    /// for a quick first screen of a very large file.
    public static func load(_ path: String, format: ArticleFormat? = nil, displayName: String? = nil,
                            limit: Int = SafeFile.defaultLimit) -> Swift.Result<Loaded, Failure> {
        guard let format = format ?? ArticleFormat(fileName: path) else {
            return .failure(Failure(reason: "not an article file (.txt, .md, .markdown, .html, .htm)"))
        }
        var contents: SafeFile.Contents
        do { contents = try SafeFile.read(path, limit: limit, tailBytes: sampleBytes) } catch { return .failure(Failure(reason: error.description)) }
        let sampled = sampledIdentity(contents)
        if contents.truncated, limit < SafeFile.defaultLimit { trimHead(&contents.bytes, format: format) }
        do {
            var article = try Extractors.extractor(for: format).extract(from: contents.bytes, fileName: displayName ?? path)
            if contents.truncated {
                if limit < SafeFile.defaultLimit { article.estimatedWords = estimatedWords(article, contents) }
                let megabytes = max(1, contents.size >> 20)
                article.notes.append(limit < SafeFile.defaultLimit
                    ? "showing the start of this \(megabytes) MB file while the rest is read"
                    : "file is \(megabytes) MB; only the first \(SafeFile.defaultLimit >> 20) MB were read")
            }
            let identity = sampled ?? ArticleIdentity.of(article: article, bytes: contents.bytes)
            return .success(Loaded(article: article, identity: identity, size: contents.size, modified: contents.modified))
        } catch {
            return .failure(Failure(reason: error.description))
        }
    }

    /// Files larger than this are listed from their start (see `summarizeLarge`).
    public static let largeFile = 1 << 20
    /// How much of a large file is read for the list and for its first screen:
    /// a text or Markdown article starts within a few KB (16 KB fill a 200×80
    /// reader); an HTML page may carry scripts and styles before its article.
    public static func headBytes(for path: String) -> Int {
        ArticleFormat(fileName: path) == .html ? 128 << 10 : 16 << 10
    }

    /// Ends the start of a file where a whole unit ends: a line for text and
    /// Markdown, a tag for HTML (whose pages may have few line breaks: cutting
    /// at the last one could drop the title). Never inside a UTF-8 sequence.
    static func trimHead(_ bytes: inout [UInt8], format: ArticleFormat) {
        let end = format == .html ? UInt8(ascii: ">") : 0x0A
        if let last = bytes.lastIndex(of: end), last >= bytes.count / 2 {
            bytes.removeSubrange((last + 1)...)
        } else {
            while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
            if let last = bytes.last, last >= 0xC0 { bytes.removeLast() }
        }
    }

    /// How much of each end of a large file its identity samples (at most
    /// what is read for its first screen).
    static let sampleBytes = 16 << 10

    /// A large file is known by its content alone, so that reading all of it
    /// or only its start gives the same identity wherever its URL appears; and
    /// by samples of it, since hashing 20 MB would hold up its first screen.
    /// Nil for other files. `contents` is as read, before any trimming.
    static func sampledIdentity(_ contents: SafeFile.Contents) -> ArticleIdentity? {
        guard contents.size > largeFile else { return nil }
        let tail = contents.truncated ? contents.tail : Array(contents.bytes.suffix(sampleBytes))
        return ArticleIdentity.forSampledContent(head: contents.bytes.prefix(sampleBytes), tail: tail, size: contents.size)
    }

    /// The whole file's words from those in its start, scaled by size.
    static func estimatedWords(_ start: Article, _ contents: SafeFile.Contents) -> Int {
        Int(Double(start.words) * Double(contents.size) / Double(max(1, contents.bytes.count)))
    }

    /// The list fields of a large file from its start, without reading the
    /// rest: title, byline and date come first in an article; the word count
    /// is scaled by the file's size.
    public static func summarizeLarge(_ path: String, format: ArticleFormat, displayName: String) -> Swift.Result<(Loaded, words: Int), Failure> {
        var contents: SafeFile.Contents
        do { contents = try SafeFile.read(path, limit: headBytes(for: path), tailBytes: sampleBytes) } catch { return .failure(Failure(reason: error.description)) }
        let identity = sampledIdentity(contents)
        if contents.truncated { trimHead(&contents.bytes, format: format) }
        do {
            let article = try Extractors.extractor(for: format).extract(from: contents.bytes, fileName: displayName)
            let loaded = Loaded(article: article, identity: identity ?? ArticleIdentity.of(article: article, bytes: contents.bytes),
                                size: contents.size, modified: contents.modified)
            return .success((loaded, words: estimatedWords(article, contents)))
        } catch {
            return .failure(Failure(reason: error.description))
        }
    }
}
