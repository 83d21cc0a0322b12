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

    public init(root: String, articles: [ArticleSummary], problems: [Problem]) {
        self.root = root
        self.articles = articles
        self.problems = problems
    }

    /// Reads every article below `root` (no index), in parallel on all cores.
    public static func load(_ root: String) -> Library {
        load(root, index: nil)
    }

    /// Reads the library through its index: unchanged files come from the
    /// index, new and changed ones are read, the index is brought up to date
    /// (and the full-text index as `upkeep` says).
    public static func load(_ root: String, index: IndexStore?, search: SearchIndex? = nil,
                            upkeep: LibraryIndexer.SearchUpkeep = .fill) -> Library {
        let key = indexKey(root)
        // The folder is walked (a stat per file, mostly in the kernel) on another
        // core while the index is read.
        let walk = PendingWalk(root)
        var known = (try? index?.files(under: key)) ?? []
        var removed = Set<String>()
        var upserted: [IndexedFile] = []
        var skipped: [LibraryScanner.Skipped] = []
        LibraryIndexer.refresh(root: root, known: known, index: index, indexRoot: key, search: search, upkeep: upkeep, qos: .default,
                                 firstBatch: 4096, batchSize: 4096, listing: walk.listing()) { batch in
            removed.formUnion(batch.removed)
            upserted += batch.upserted
            skipped += batch.skipped
        }
        // Most starts change nothing: the index is the library as it is.
        if removed.isEmpty && upserted.isEmpty { return Library(taking: &known, skipped: skipped, root: root) }
        let replaced = Set(upserted.map(\.path))
        var files = known.filter { !removed.contains($0.path) && !replaced.contains($0.path) }
        known = []
        files += upserted
        upserted = []
        return Library(taking: &files, skipped: skipped, root: root)
    }

    /// A library from indexed files (and what the walk skipped).
    public init(files: [IndexedFile], skipped: [LibraryScanner.Skipped] = [], root: String) {
        var articles: [ArticleSummary] = []
        var problems = skipped.map { Problem(path: $0.path, reason: $0.reason) }
        articles.reserveCapacity(files.count)
        // (Through a buffer: each file is read in place, only its summary copied.)
        files.withUnsafeBufferPointer { files in
            for i in files.indices {
                switch files[i].outcome {
                case .article(let summary): articles.append(summary)
                case .problem(let reason): problems.append(Problem(path: files[i].path, reason: reason))
                }
            }
        }
        problems.sort { $0.path < $1.path }
        self.init(root: root, articles: articles, problems: problems)
    }

    /// `init(files:skipped:root:)` that moves each summary out of `files` rather
    /// than copying it (an article's file is left with an empty outcome).
    init(taking files: inout [IndexedFile], skipped: [LibraryScanner.Skipped], root: String) {
        var articles: [ArticleSummary] = []
        var problems = skipped.map { Problem(path: $0.path, reason: $0.reason) }
        articles.reserveCapacity(files.count)
        files.withUnsafeMutableBufferPointer { files in
            for i in files.indices {
                if case .problem(let reason) = files[i].outcome {
                    problems.append(Problem(path: files[i].path, reason: reason))
                    continue
                }
                var outcome = IndexedFile.Outcome.problem("")
                swap(&outcome, &files[i].outcome)
                if case .article(let summary) = consume outcome { articles.append(summary) }
            }
        }
        problems.sort { $0.path < $1.path }
        self.init(root: root, articles: articles, problems: problems)
    }

    /// The key a folder is indexed under: its real path, so `folio .` and
    /// `folio /home/me/Articles` share one index.
    public static func indexKey(_ root: String) -> String {
        LibraryScanner.realPath(root) ?? root
    }
}
