import Foundation

/// Brings a library's index up to date: a stat-only walk of the folder, then
/// only files that are new or whose size or time changed are read again (in
/// parallel on all cores), and files that are gone are dropped. Progress comes
/// in batches, so a list can show the first articles while the rest are read.
public enum LibraryIndexer {
    public struct Batch: Sendable {
        /// Files read in this batch (articles, or files that could not be read).
        public var upserted: [IndexedFile] = []
        /// Paths that are no longer in the folder (first batch only).
        public var removed: [String] = []
        /// Files the walk itself could not use (links out of the folder, FIFOs…), first batch only.
        public var skipped: [LibraryScanner.Skipped] = []
        /// Files read so far and files to read in all.
        public var done = 0
        public var total = 0
        public var finished = false
    }

    /// What a refresh does with the full-text index (see `SearchBacklog`).
    public enum SearchUpkeep: Sendable {
        /// Index the text of every file read, and first read again any indexed
        /// file whose text is missing.
        case fill
        /// Only forget the text of files that changed or went: for commands that
        /// do not search, so they do not pay for indexing text.
        case forget
    }

    /// Refreshes `known` (what the index holds for `root`) against the folder.
    /// Saves each batch to `index` when given, then hands it to `report`.
    public static func refresh(root: String, known: [IndexedFile], index: IndexStore?, indexRoot: String,
                               search: SearchIndex? = nil, upkeep: SearchUpkeep = .fill, qos: DispatchQoS.QoSClass = .default,
                               firstBatch: Int = 64, batchSize: Int = 8192, report: (Batch) -> Void) {
        refresh(root: root, known: known, index: index, indexRoot: indexRoot, search: search, upkeep: upkeep, qos: qos,
                firstBatch: firstBatch, batchSize: batchSize, listing: nil, report: report)
    }

    /// `refresh`, against `listing` when the caller walked the folder already.
    static func refresh(root: String, known: [IndexedFile], index: IndexStore?, indexRoot: String,
                        search: SearchIndex?, upkeep: SearchUpkeep, qos: DispatchQoS.QoSClass,
                        firstBatch: Int, batchSize: Int, listing: LibraryScanner.Listing?, report: (Batch) -> Void) {
        // Text owed since a refresh that only forgot it: those files are read again.
        let behind = upkeep == .fill ? (try? search?.behind(root: indexRoot)) ?? nil : nil
        let withoutText = behind == nil ? [] : (try? search?.pathsWithoutText(root: indexRoot)) ?? []
        // The reader's refresh (below its run loop) walks on one thread, leaving it the other core.
        let changes = LibraryChanges(root: root, known: known, withoutText: withoutText, listing: listing,
                                     parallelStats: qos != .utility)
        let (stale, removed) = (changes.stale, changes.removed)

        var batch = Batch(removed: removed, skipped: changes.skipped, done: 0, total: stale.count)
        var forgetting = false
        var filled = true
        if upkeep == .forget, let search, !stale.isEmpty || !removed.isEmpty, (try? search.putBehind(root: indexRoot)) != nil {
            // Noted before anything is forgotten (a folio stopped midway leaves the note); a
            // root without any text yet has nothing to forget, only files to read later.
            forgetting = (try? search.hasText(root: indexRoot)) ?? true
        }
        var start = 0
        var size = firstBatch
        // Each batch is read while the one before it is saved: saving is serial
        // (one database writer), so without this the cores sit idle meanwhile.
        let withText = upkeep == .fill && search != nil
        var reading = PendingRead(Array(stale[0..<min(stale.count, size)]), text: withText, qos: qos)
        repeat {
            let results = reading.results()
            let count = results.count
            let next = start + count
            if next < stale.count {
                size = min(batchSize, size * 2)  // small first batches show the list soon; larger ones keep merging cheap
                reading = PendingRead(Array(stale[next..<min(stale.count, next + size)]), text: withText, qos: qos)
            }
            batch.upserted = results.map(\.0)
            batch.done = next
            batch.finished = batch.done >= stale.count
            try? index?.update(root: indexRoot, upserted: batch.upserted, removed: batch.removed)
            switch upkeep {
            case .fill:
                // Articles that no longer read are dropped from the full-text index too.
                let unreadable = batch.upserted.filter { if case .problem = $0.outcome { return true }; return false }.map(\.path)
                do { try search?.update(root: indexRoot, documents: results.compactMap(\.1), removed: batch.removed + unreadable) } catch { filled = false }
            case .forget:
                if forgetting { try? search?.update(root: indexRoot, documents: [], removed: batch.removed + batch.upserted.map(\.path)) }
            }
            report(batch)
            batch.removed = []
            batch.skipped = []
            start = next
        } while start < stale.count
        if let behind, filled { try? search?.caughtUp(root: indexRoot, seen: behind) }
    }

    /// Files being read on other threads; `results()` waits for them.
    final class PendingRead: @unchecked Sendable {
        private var read: [(IndexedFile, SearchDocument?)] = []
        private let done = DispatchGroup()

        /// `qos`: the reader's indexing runs below its run loop, `folio list` at full speed.
        init(_ entries: [LibraryScanner.Entry], text: Bool, qos: DispatchQoS.QoSClass) {
            DispatchQueue.global(qos: qos).async(group: done) { [self] in
                read = LibraryIndexer.read(entries, text: text)
            }
        }

        /// The files read, once all are (the group orders the write before this read).
        func results() -> [(IndexedFile, SearchDocument?)] {
            done.wait()
            defer { read = [] }
            return read
        }
    }

    /// Reads files in parallel: what the list needs, and (with `text`) the text for search.
    static func read(_ entries: [LibraryScanner.Entry], text: Bool = true) -> [(IndexedFile, SearchDocument?)] {
        var results = [(IndexedFile, SearchDocument?)?](repeating: nil, count: entries.count)
        results.withUnsafeMutableBufferPointer { slots in
            let base = slots.baseAddress!
            DispatchQueue.concurrentPerform(iterations: entries.count) { i in
                base[i] = read(entries[i], text: text)
            }
        }
        return results.map { $0! }
    }

    static func read(_ entry: LibraryScanner.Entry, text: Bool = true) -> (IndexedFile, SearchDocument?) {
        let result: Result<(ArticleLoader.Loaded, words: Int), ArticleLoader.Failure>
        if entry.size > ArticleLoader.largeFile {
            // A very large file is listed from its start.
            result = ArticleLoader.summarizeLarge(entry.absolutePath, format: entry.format, displayName: entry.path)
        } else {
            result = ArticleLoader.load(entry.absolutePath, format: entry.format, displayName: entry.path).map { ($0, $0.article.words) }
        }
        let outcome: IndexedFile.Outcome
        var document: SearchDocument?
        switch result {
        case .failure(let failure):
            outcome = .problem(failure.reason)
        case .success(let (loaded, words)):
            if text { document = SearchDocument(path: entry.path, article: loaded.article) }
            let a = loaded.article
            outcome = .article(ArticleSummary(path: entry.path, absolutePath: entry.absolutePath, identity: loaded.identity,
                                              title: a.title, source: a.source, author: a.author, date: a.date,
                                              fileDate: entry.modified, words: words, format: a.format,
                                              tags: ArticleSummary.cleanTags(a.tags)))
        }
        return (IndexedFile(path: entry.path, absolutePath: entry.absolutePath, size: entry.size,
                            modifiedNanoseconds: entry.modifiedNanoseconds, outcome: outcome), document)
    }
}
