import Foundation

/// A folder of saved articles, read into compact summaries for the list.
public struct Library: Sendable {
    public struct Problem: Error, Equatable, Sendable {
        public var path: String
        public var reason: String
    }

    public var root: String
    public var articles: [ArticleSummary]
    /// Files that look like articles but could not be read.
    public var problems: [Problem]

    /// Scans `root` and extracts every article, in parallel on all cores.
    public static func load(_ root: String) -> Library {
        let scan = LibraryScanner.scan(root)
        let entries = scan.entries
        var results = [Swift.Result<ArticleSummary, Problem>?](repeating: nil, count: entries.count)
        results.withUnsafeMutableBufferPointer { slots in
            let base = slots.baseAddress!
            DispatchQueue.concurrentPerform(iterations: entries.count) { i in
                base[i] = summarize(entries[i])
            }
        }
        var articles: [ArticleSummary] = []
        var problems = scan.skipped.map { Problem(path: $0.path, reason: $0.reason) }
        for case let result? in results {
            switch result {
            case .success(let summary): articles.append(summary)
            case .failure(let problem): problems.append(problem)
            }
        }
        return Library(root: root, articles: articles, problems: problems)
    }

    static func summarize(_ entry: LibraryScanner.Entry) -> Swift.Result<ArticleSummary, Problem> {
        switch ArticleLoader.load(entry.absolutePath, format: entry.format, displayName: entry.path) {
        case .failure(let failure):
            return .failure(Problem(path: entry.path, reason: failure.reason))
        case .success(let loaded):
            let a = loaded.article
            return .success(ArticleSummary(path: entry.path, absolutePath: entry.absolutePath, identity: loaded.identity, title: a.title, source: a.source,
                                           author: a.author, date: a.date, fileDate: loaded.modified, words: a.words, format: a.format))
        }
    }
}
