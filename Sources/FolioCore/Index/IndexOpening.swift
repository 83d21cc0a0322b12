import Foundation

/// The index, opened (`IndexStore.open`) once, on whichever thread first asks
/// for it: the reader's first frame reads an `IndexSnapshot` instead, and the
/// indexer's thread opens the index for writing after that frame.
public final class IndexOpening: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var opened: IndexStore?

    public init(path: String) {
        self.path = path
    }

    public var store: IndexStore {
        lock.withLock {
            if let opened { return opened }
            let store = IndexStore.open(path: path)
            opened = store
            return store
        }
    }

    /// Full-text search over the same index.
    public var search: SearchIndex { SearchIndex(store: store) }
}
