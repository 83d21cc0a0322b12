import Foundation
import FolioCore

/// Star, archive, delete, mark, tags, undo and redo: changes to what folio
/// remembers about articles, each undoable.
extension AppState {
    /// Applies a change to the articles it would change, remembers how to undo
    /// it, and asks for it to be saved.
    mutating func change(_ change: StateChange, label: String) -> [Effect] {
        let ids = Set(change.identities)
        let only = ids.count == 1 ? ids.first : nil  // one article: no hashing of every row
        // One row per article (a story saved twice is one article).
        var seen = Set<ArticleIdentity>()
        let affected = library.positions { row in only.map { row.identity == $0 } ?? ids.contains(row.identity) }
            .map { library[$0] }
            .filter { $0.differs(from: change) && seen.insert($0.identity).inserted }
        guard !affected.isEmpty else { return [] }
        let effective = change.limited(to: affected.map(\.identity).sorted { $0.rawValue < $1.rawValue })
        updateRows(Set(affected.map(\.identity))) { $0.apply(effective) }
        let count = affected.count == 1 ? "1 article" : "\(affected.count) articles"
        undoStack.append(UndoEntry(label: label.replacingOccurrences(of: "#", with: count), redo: [effective], undo: [effective.inverse(given: affected)]))
        if undoStack.count > 200 { undoStack.removeFirst() }
        redoStack.removeAll()
        return [Self.saveEffect(effective)]
    }

    static func saveEffect(_ change: StateChange) -> Effect {
        if case .read(let value, let ids) = change { return .setRead(value, ids) }
        return .save(change)
    }

    /// Star, archive, read: flips the selected (or every marked) article; with
    /// several, sets them all to the opposite of the first.
    mutating func toggle(_ command: Command) -> [Effect] {
        let targets = self.targets
        guard let first = targets.first else { return [] }
        let ids = targets.map(\.identity)
        let effects: [Effect]
        switch command {
        case .star:
            effects = change(.starred(!first.isStarred, ids), label: first.isStarred ? "unstar #" : "star #")
            message = effects.isEmpty ? nil : (first.isStarred ? "Unstarred" : "Starred") + Self.count(targets.count)
        case .archive:
            effects = change(.archived(!first.isArchived, ids), label: first.isArchived ? "unarchive #" : "archive #")
            message = effects.isEmpty ? nil : (first.isArchived ? "Back from the archive" : "Archived") + Self.count(targets.count).dropLast() + "; u undoes."
            if !effects.isEmpty { refreshRows() }  // archived articles leave the list (the reader follows the selection)
        case .toggleRead:
            effects = change(.read(!first.isRead, ids), label: first.isRead ? "mark # unread" : "mark # read")
            message = first.isRead ? "Marked unread." : "Marked read."
            if targets.count > 1 { message = (first.isRead ? "Marked unread" : "Marked read") + Self.count(targets.count) }
        default:
            return []
        }
        clearMarks()
        return effects
    }

    static func count(_ n: Int) -> String { n == 1 ? "." : ": \(n) articles." }

    mutating func toggleMark() -> [Effect] {
        guard let row = selectedRow else { return [] }
        updateRows([row.identity]) { $0.isMarked.toggle() }
        let marked = library.countRows(where: \.isMarked)
        message = marked == 0 ? "No articles marked." : "\(marked) marked; s, a, d, N, + and - act on them."
        if selection + 1 < rows.count { selection += 1 }
        return []
    }

    mutating func clearMarks() {
        guard library.containsRow(where: \.isMarked) else { return }
        changeRows(where: \.isMarked) { $0.isMarked = false }
    }

    mutating func tag(_ tag: String, added: Bool) -> [Effect] {
        let tag = tag.trimmingCharacters(in: .whitespaces)
        guard !tag.isEmpty else { return [] }
        let targets = self.targets
        let effects = change(.tag(tag, added: added, targets.map(\.identity)), label: (added ? "tag # " : "untag # ") + tag)
        message = effects.isEmpty ? "Nothing to change." : (added ? "Tagged “\(tag)”" : "Removed “\(tag)”") + Self.count(targets.count)
        if !added, effects.isEmpty, targets.contains(where: { $0.summary.tags.contains(tag) }) {
            message = "“\(tag)” comes from the file itself; edit the file (e) to remove it."
        }
        clearMarks()
        return effects
    }

    /// After a tag change (or its undo), the reader's header shows the tags
    /// the list has for the article on screen.
    mutating func showTagsInReader() {
        guard let row = selectedRow, let reader, reader.path == row.path, case .loaded(var article) = reader.content else { return }
        guard article.tags != row.allTags else { return }
        article.tags = row.allTags
        let top = reader.top
        self.reader!.content = .loaded(article)
        self.reader!.layoutWidth = 0
        layOutReader(&self)
        self.reader!.top = min(top, max(0, self.reader!.lines.count - layout.reader.height))
    }

    /// Every tag in the library, for completion.
    var allTags: [String] { Array(Set(library.flatMap(\.allTags))).sorted() }

    mutating func delete() -> [Effect] {
        let targets = self.targets
        guard !targets.isEmpty else { return [] }
        clearMarks()
        return [.trash(targets.map { TrashRequest(path: $0.path, file: $0.summary.absolutePath) }, redo: false)]
    }

    /// Files the trash took (or refused): their rows leave the list.
    mutating func trashed(_ records: [TrashRecord], failures: [String], redo: Bool) -> [Effect] {
        let paths = Set(records.map(\.path))
        let removed = library.filter { paths.contains($0.path) }
        library.removeAll { paths.contains($0.path) }
        refreshRows()
        if !records.isEmpty {
            let entry = UndoEntry(label: records.count == 1 ? "delete 1 article" : "delete \(records.count) articles",
                                  redo: [], undo: [], trashed: records, removedRows: removed)
            undoStack.append(entry)
            if !redo { redoStack.removeAll() }
        }
        if let failure = failures.first {
            message = "Could not move to the trash: \(failure)" + (failures.count > 1 ? " (and \(failures.count - 1) more)" : "")
        } else {
            message = records.count == 1 ? "Moved to the trash; u restores it." : "Moved \(records.count) articles to the trash; u restores them."
        }
        // The reader leaves a trashed article without saving its position.
        return reader.map { r in paths.contains(r.path) } == true ? showSelectedAfterRemoval() : []
    }

    /// Files back from the trash: their rows return.
    mutating func restored(_ records: [TrashRecord], rows restoredRows: [ArticleRow], failures: [String]) -> [Effect] {
        let paths = Set(records.map(\.path))
        let back = restoredRows.filter { paths.contains($0.path) }
        library = Self.mergeSorted(library, Self.sorted(back))
        refreshRows()
        message = failures.first.map { "Could not restore: \($0)" } ?? (back.count == 1 ? "Restored from the trash." : "Restored \(back.count) articles from the trash.")
        return []
    }

    mutating func showSelectedAfterRemoval() -> [Effect] {
        reader = nil
        return showSelected()
    }

    mutating func undo() -> [Effect] {
        guard let entry = undoStack.popLast() else { message = "Nothing to undo."; return [] }
        redoStack.append(entry)
        message = "Undid: \(entry.label)."
        if !entry.trashed.isEmpty { return [.restore(entry.trashed, rows: entry.removedRows)] }
        return apply(entry.undo)
    }

    mutating func redo() -> [Effect] {
        guard let entry = redoStack.popLast() else { message = "Nothing to redo."; return [] }
        message = "Redid: \(entry.label)."
        if !entry.trashed.isEmpty {
            return [.trash(entry.removedRows.map { TrashRequest(path: $0.path, file: $0.summary.absolutePath) }, redo: true)]
        }
        undoStack.append(entry)
        return apply(entry.redo)
    }

    /// Applies changes without recording them (undo and redo).
    private mutating func apply(_ changes: [StateChange]) -> [Effect] {
        for change in changes { updateRows(Set(change.identities)) { $0.apply(change) } }
        if changes.contains(where: { if case .archived = $0 { return true }; return false }) { refreshRows() }
        return changes.map(Self.saveEffect)
    }
}

/// A file to move to the trash.
public struct TrashRequest: Equatable, Sendable {
    public var path: String
    public var file: String
    public init(path: String, file: String) {
        self.path = path
        self.file = file
    }
}
