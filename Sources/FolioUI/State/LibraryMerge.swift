import FolioCore

/// Merges a library update into the list without moving the selection: the
/// selected article stays selected wherever it lands, and new rows take their
/// place in date order.
extension AppState {
    mutating func merge(_ update: LibraryUpdate) -> [Effect] {
        return mergeRows(update) + searchAgainIfIndexed(update)
    }

    /// A search made while the folder was being indexed saw only part of it: once
    /// indexing ends it runs again.
    private func searchAgainIfIndexed(_ update: LibraryUpdate) -> [Effect] {
        guard update.finished, let filter, filter.searchWasPartial, let text = filter.searchText else { return [] }
        return [.searchLibrary(text)]
    }

    private mutating func mergeRows(_ update: LibraryUpdate) -> [Effect] {
        // A refresh that found nothing new touches nothing (no pass over 100,000 rows).
        if update.upserted.isEmpty && update.removed.isEmpty && update.problems.isEmpty {
            indexing = update.finished ? nil : IndexingProgress(done: update.done, total: update.total)
            if update.finished { wasIndexedBefore = true }
            return reader == nil ? showSelected() : []
        }
        // While a folder is read for the first time, the list stays at its top (the newest).
        let atTop = !wasIndexedBefore && selection == 0 && listTop == 0
        let selectedPath = selectedRow?.summary.path
        let topPath = rows.indices.contains(listTop) ? rows[listTop].summary.path : nil
        let changed = Set(update.upserted.map(\.summary.path))
        let gone = Set(update.removed).union(changed).union(update.problems.keys)
        var isNew = 0, removed = 0
        if wasIndexedBefore && update.finished || !update.upserted.isEmpty && update.upserted.count < 1000 {
            let existing = Set(library.lazy.map(\.summary.path))
            isNew = update.upserted.reduce(0) { $0 + (existing.contains($1.summary.path) ? 0 : 1) }
            // Files folio moved to the trash itself are already off the list: not news.
            removed = update.removed.reduce(0) { $0 + (existing.contains($1) ? 1 : 0) }
        }
        if !gone.isEmpty { library.removeAll { gone.contains($0.summary.path) } }
        if !update.upserted.isEmpty { library = Self.mergeSorted(library, Self.sorted(update.upserted)) }
        refreshRows()

        for path in update.removed { problemPaths.remove(path) }
        for path in changed { problemPaths.remove(path) }
        problemPaths.formUnion(update.problems.keys)
        problemCount = problemPaths.count

        if let path = selectedPath, let index = rows.firstIndex(where: { $0.summary.path == path }) {
            selection = index
        } else {
            selection = min(selection, max(0, rows.count - 1))
        }
        if let path = topPath, let index = rows.firstIndex(where: { $0.summary.path == path }) { listTop = index }
        if atTop {
            selection = 0
            listTop = 0
        }
        indexing = update.finished ? nil : IndexingProgress(done: update.done, total: update.total)
        if update.finished, wasIndexedBefore, isNew + removed > 0 {
            var parts: [String] = []
            if isNew > 0 { parts.append("\(isNew) new") }
            if removed > 0 { parts.append("\(removed) removed") }
            message = parts.joined(separator: ", ") + "."
        }
        // Later readings of the folder (the live folder) are news, not a first reading.
        if update.finished { wasIndexedBefore = true }

        var effects: [Effect] = []
        if let reader, changed.contains(reader.path) || reader.path == selectedPath && !rows.contains(where: { $0.summary.path == reader.path }) {
            // The article on screen changed on disk (or is gone): show what is there now.
            self.reader = nil
            effects = showSelected()
        } else if reader == nil {
            effects = showSelected()
        }
        return effects
    }

    /// Two lists sorted newest first, merged in one pass.
    static func mergeSorted(_ a: [ArticleRow], _ b: [ArticleRow]) -> [ArticleRow] {
        var result: [ArticleRow] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if comesBefore(b[j], a[i]) { result.append(b[j]); j += 1 } else { result.append(a[i]); i += 1 }
        }
        result.append(contentsOf: a[i...])
        result.append(contentsOf: b[j...])
        return result
    }
}

/// How far the first reading of a folder has come.
public struct IndexingProgress: Equatable, Sendable {
    public var done: Int
    public var total: Int
    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }
}
