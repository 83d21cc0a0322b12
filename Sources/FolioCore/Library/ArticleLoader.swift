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

    /// Loads `path`; the format comes from `format` or the file name.
    public static func load(_ path: String, format: ArticleFormat? = nil, displayName: String? = nil) -> Swift.Result<Loaded, Failure> {
        guard let format = format ?? ArticleFormat(fileName: path) else {
            return .failure(Failure(reason: "not an article file (.txt, .md, .markdown, .html, .htm)"))
        }
        let contents: SafeFile.Contents
        do { contents = try SafeFile.read(path) } catch { return .failure(Failure(reason: error.description)) }
        do {
            var article = try Extractors.extractor(for: format).extract(from: contents.bytes, fileName: displayName ?? path)
            if contents.truncated {
                article.notes.append("file is \(contents.size / (1 << 20)) MB; only the first \(SafeFile.defaultLimit >> 20) MB were read")
            }
            let identity = ArticleIdentity.of(article: article, bytes: contents.bytes)
            return .success(Loaded(article: article, identity: identity, size: contents.size, modified: contents.modified))
        } catch {
            return .failure(Failure(reason: error.description))
        }
    }
}
