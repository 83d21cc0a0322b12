import Foundation

/// Runs `LibraryIndexer.refresh` on a thread of its own and keeps its batches
/// until the run loop collects them, so the list can be used while a library
/// is read.
public final class BackgroundIndexer: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [LibraryIndexer.Batch] = []
    private var running = false
    private var onBatch: (@Sendable () -> Void)?

    public init() {}

    /// Calls `notify` (on the indexer's thread) whenever a batch is ready to collect.
    public func notifyOnBatch(_ notify: @escaping @Sendable () -> Void) {
        lock.withLock { onBatch = notify }
    }

    /// Starts refreshing `root` from what the index already knows (`known`,
    /// else read from the index on the indexer's thread).
    public func start(root: String, known: [IndexedFile]? = nil, index: IndexStore, search: SearchIndex? = nil) {
        start(root: root, known: known) { (index, search) }
    }

    /// `start`, with the index opened on the indexer's thread (see `IndexOpening`).
    public func start(root: String, known: [IndexedFile]? = nil, opening: IndexOpening) {
        start(root: root, known: known) { (opening.store, opening.search) }
    }

    private func start(root: String, known: [IndexedFile]?, open: @escaping @Sendable () -> (IndexStore, SearchIndex?)) {
        lock.withLock { running = true }
        let key = Library.indexKey(root)
        // On a dispatch thread, not a Thread of its own: the refresh reads files
        // with concurrentPerform, whose per-thread caches libdispatch cleans up
        // as its own threads end (one test run crashed in that clean-up while
        // an indexer Thread was ending).
        DispatchQueue.global(qos: .utility).async { [self] in
            let (index, search) = open()
            let known = known ?? (try? index.files(under: key)) ?? []
            LibraryIndexer.refresh(root: root, known: known, index: index, indexRoot: key, search: search, qos: .utility) { batch in
                let notify = lock.withLock { pending.append(batch); return onBatch }
                notify?()
            }
            lock.withLock { running = false }
        }
    }

    /// True while the folder is being read.
    public var isRunning: Bool { lock.withLock { running || !pending.isEmpty } }

    /// The batches finished since the last call.
    public func collect() -> [LibraryIndexer.Batch] {
        lock.withLock {
            defer { pending.removeAll() }
            return pending
        }
    }
}
