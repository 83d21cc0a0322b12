import Foundation
import FolioCore
import TermKit

/// The only place the state changes. Pure: it returns the I/O it wants as
/// effects, which the run loop performs.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    let effects = reduceAction(&state, action)
    guard !state.quitting else { return effects }
    // Whatever changed the list (a filter typed live, an undo, an archive, a
    // restore, a refresh), the selection stays on screen and the reader shows
    // the selected article: the single place that keeps them in step.
    state.keepSelectionInView()
    state.showTagsInReader()
    return effects + preview(&state)
}

private func reduceAction(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .command(let command):
        state.message = nil
        if state.helpTop != nil { return reduceHelp(&state, command) }
        if state.linkSelection != nil { return state.reduceLinks(command) }
        return state.focus == .list ? reduceList(&state, command) : reduceReader(&state, command)
    case .promptKey(let key):
        return state.promptKey(key)
    case .mouse(let mouse):
        return reduceMouse(&state, mouse)
    case .searchResults(let text, let results):
        return state.showSearchResults(text, hits: results.map { ($0.path, $0.snippet) })
    case .trashed(let records, let failures, let redo):
        return state.trashed(records, failures: failures, redo: redo)
    case .restored(let records, let rows, let failures):
        return state.restored(records, rows: rows, failures: failures)
    case .start:
        keepSelectionVisible(&state)
        return preview(&state)
    case .resize(let size):
        state.size = size
        if let top = state.helpTop {
            let height = max(1, size.height - 2)
            state.helpTop = min(top, max(0, HelpScreen.lines(for: state.keyMap, theme: state.theme).count - height))
        }
        layOutReader(&state)
        keepSelectionVisible(&state)
        return [.redraw]
    case .articleLoaded(let path, let result):
        guard state.reader?.path == path else { return [] }
        // (A very large article comes twice: its start at once, then the whole, at the same position.)
        switch result {
        case .success(var article):
            // The file's tags and the user's, as the list knows them.
            let row = state.selectedRow?.summary.path == path ? state.selectedRow : state.library.first { $0.summary.path == path }
            if let row { article.tags = ArticleSummary.cleanTags(article.tags + row.tags) }
            state.reader!.content = .loaded(article)
        case .failure(let failure): state.reader!.content = .failed(failure.reason)
        }
        state.reader!.layoutWidth = 0
        layOutReader(&state)
        state.restorePosition()
        return []
    case .libraryUpdated(let update):
        let effects = state.merge(update)
        keepSelectionVisible(&state)
        return effects
    case .statesReloaded(let states):
        let archivedBefore = state.library.countRows(where: \.isArchived)
        func update(_ row: inout ArticleRow) {
            let marked = row.isMarked
            row = ArticleRow(summary: row.summary, state: states[row.identity] ?? ArticleState())
            row.isMarked = marked
        }
        state.changeRows(where: { _ in true }, update)
        if state.library.countRows(where: \.isArchived) != archivedBefore { state.refreshRows() }
        return []
    case .readStateReloaded(let readSet):
        state.changeRows(where: { _ in true }) { $0.isRead = readSet.contains($0.summary.identity) }
        return []
    case .tick(let now):
        state.now = now
        return state.readAfterDelay()
    case .effectFailed(let text):
        state.message = text
        return []
    }
}

// MARK: - Commands by context

private func reduceList(_ state: inout AppState, _ command: Command) -> [Effect] {
    let page = max(1, state.layout.list.height)
    switch command {
    case .down: return select(&state, state.selection + 1)
    case .up: return select(&state, state.selection - 1)
    case .first: return select(&state, 0)
    case .last: return select(&state, state.rows.count - 1)
    case .pageDown: return select(&state, state.selection + page)
    case .pageUp: return select(&state, state.selection - page)
    case .halfPageDown: return select(&state, state.selection + max(1, page / 2))
    case .halfPageUp: return select(&state, state.selection - max(1, page / 2))
    case .open, .switchFocus: return open(&state, state.selection)
    case .quit: state.quitting = true; return []
    case .limit: state.open(.filter, text: state.filter?.searchHits == nil ? state.filter?.text ?? "" : ""); return []
    case .search: state.open(.librarySearch); return []
    case .sort: return state.cycleSort(reverse: false)
    case .reverseSort: return state.cycleSort(reverse: true)
    case .mark: return state.toggleMark()
    default:
        if let n = command.viewNumber { return state.showView(n) }
        return reduceGlobal(&state, command)
    }
}

private func reduceReader(_ state: inout AppState, _ command: Command) -> [Effect] {
    let page = max(1, state.layout.reader.height - 1)
    switch command {
    case .down: scrollReader(&state, by: 1)
    case .up: scrollReader(&state, by: -1)
    case .pageDown: scrollReader(&state, by: page)
    case .pageUp: scrollReader(&state, by: -page)
    case .halfPageDown: scrollReader(&state, by: max(1, page / 2))
    case .halfPageUp: scrollReader(&state, by: -max(1, page / 2))
    case .first: scrollReader(&state, by: -Int.max / 2)
    case .last: scrollReader(&state, by: Int.max / 2)
    case .back, .switchFocus:
        let saved = state.rememberPosition()
        state.focus = .list
        state.reader?.openedAt = nil
        if state.zoomed { state.zoomed = false; layOutReader(&state) }
        keepSelectionVisible(&state)
        return saved
    case .find: state.open(.findInArticle, text: state.reader?.find ?? "")
    // n and N find the next and previous match while a search is on; else they
    // are next unread and toggle read, as everywhere.
    case .findNext: return state.reader?.find != nil ? state.findNext(forward: true) : reduceGlobal(&state, .nextUnread)
    case .findPrevious: return state.reader?.find != nil ? state.findNext(forward: false) : reduceGlobal(&state, .toggleRead)
    default: return reduceGlobal(&state, command)
    }
    return []
}

private func reduceHelp(_ state: inout AppState, _ command: Command) -> [Effect] {
    let height = max(1, state.size.height - 2)
    let maxTop = max(0, HelpScreen.lines(for: state.keyMap, theme: state.theme).count - height)
    let top = state.helpTop ?? 0
    switch command {
    case .down: state.helpTop = min(maxTop, top + 1)
    case .up: state.helpTop = max(0, top - 1)
    case .pageDown: state.helpTop = min(maxTop, top + height)
    case .pageUp: state.helpTop = max(0, top - height)
    case .closeHelp, .help: state.helpTop = nil
    case .quitAll: state.quitting = true
    default: break
    }
    return []
}

/// Commands that work the same in the list and the reader.
private func reduceGlobal(_ state: inout AppState, _ command: Command) -> [Effect] {
    switch command {
    case .nextUnread: return openUnread(&state, forward: true)
    case .previousUnread: return openUnread(&state, forward: false)
    case .toggleRead, .star, .archive:
        return state.toggle(command)
    case .markAllRead:
        let unread = Array(Set(state.rows.positions { !$0.isRead }.map { state.rows[$0].summary.identity })).sorted { $0.rawValue < $1.rawValue }
        guard !unread.isEmpty else { state.message = "All articles are already read."; return [] }
        // Many at once asks first.
        if unread.count > 50 { state.open(.confirm(.markAllRead(unread))); return [] }
        let effects = state.change(.read(true, unread), label: "mark # read")
        state.message = "Marked \(unread.count) article\(unread.count == 1 ? "" : "s") read (u undoes)."
        return effects
    case .delete: return state.delete()
    case .undo: return state.undo()
    case .redo: return state.redo()
    case .addTag: if !state.targets.isEmpty { state.open(.addTag) }; return []
    case .removeTag: if !state.targets.isEmpty { state.open(.removeTag) }; return []
    case .search: state.open(.librarySearch); return []
    case .pipe: if state.reader != nil { state.open(.pipe) }; return []
    case .links: return state.showLinks()
    case .yank: return state.yankArticleURL()
    case .edit: return state.selectedRow.map { [.edit(file: $0.summary.absolutePath)] } ?? []
    case .zoom:
        guard !state.rows.isEmpty else { return [] }
        state.zoomed.toggle()
        var effects: [Effect] = []
        if state.zoomed, state.focus == .list { effects = open(&state, state.selection) }
        layOutReader(&state)
        keepSelectionVisible(&state)
        return effects
    case .help:
        state.helpTop = 0
        return []
    case .quitAll, .quit:
        state.quitting = true
        return []
    case .redraw:
        return [.redraw]
    default:
        return []
    }
}

/// A click selects (or, in the reader, focuses it); the wheel scrolls what it is over.
private func reduceMouse(_ state: inout AppState, _ mouse: MouseEvent) -> [Effect] {
    guard state.prompt == nil, state.helpTop == nil, state.linkSelection == nil else { return [] }
    let layout = state.layout
    let inList = !state.zoomed && mouse.y >= layout.list.y && mouse.y < layout.list.maxY && mouse.x >= layout.list.x && mouse.x < layout.list.maxX
    let inReader = mouse.y >= layout.reader.y && mouse.y < layout.reader.maxY && mouse.x >= layout.reader.x && mouse.x < layout.reader.maxX
    switch mouse.kind {
    case .click where inList:
        let index = state.listTop + mouse.y - layout.list.y
        guard state.rows.indices.contains(index) else { return [] }
        if index == state.selection { return open(&state, index) }  // a second click opens
        state.focus = .list
        return select(&state, index)
    case .click where inReader:
        return state.focus == .reader || state.reader == nil ? [] : open(&state, state.selection)
    case .wheelUp where inList: return select(&state, state.selection - 3)
    case .wheelDown where inList: return select(&state, state.selection + 3)
    case .wheelUp where inReader: scrollReader(&state, by: -3); return []
    case .wheelDown where inReader: scrollReader(&state, by: 3); return []
    default: return []
    }
}

// MARK: - Helpers

/// Moves the list selection (clamped) and shows that article in the reader.
private func select(_ state: inout AppState, _ index: Int) -> [Effect] {
    guard !state.rows.isEmpty else { return [] }
    state.selection = min(max(0, index), state.rows.count - 1)
    keepSelectionVisible(&state)
    return preview(&state)
}

extension AppState {
    /// Shows the selected article in the reader (for code outside this file).
    mutating func showSelected() -> [Effect] { preview(&self) }
}

/// Shows the selected article in the reader pane, loading it when needed.
private func preview(_ state: inout AppState) -> [Effect] {
    guard let row = state.selectedRow else {
        let saved = state.rememberPosition()
        state.reader = nil
        return saved
    }
    if state.reader?.path == row.summary.path { return [] }
    let saved = state.rememberPosition()
    state.reader = ReaderState(path: row.summary.path)
    layOutReader(&state)
    return saved + [.loadArticle(path: row.summary.path)]
}

/// Opens an article: selects it, focuses the reader, marks it read.
private func open(_ state: inout AppState, _ index: Int) -> [Effect] {
    guard state.rows.indices.contains(index) else { return [] }
    state.selection = index
    keepSelectionVisible(&state)
    var effects = preview(&state)
    state.focus = .reader
    state.reader?.openedAt = state.now
    let row = state.rows[index]
    if !row.isRead && state.readRule == .open {
        setRead(&state, true, identity: row.summary.identity)
        effects.append(.setRead(true, [row.summary.identity]))
    }
    return effects
}

private func openUnread(_ state: inout AppState, forward: Bool) -> [Effect] {
    let count = state.rows.count
    guard count > 0 else { state.message = "No unread articles."; return [] }
    for step in 1...count {
        let index = ((state.selection + (forward ? step : -step)) % count + count) % count
        if !state.rows[index].isRead {
            if forward && index <= state.selection { state.message = "Wrapped to the top." }
            if !forward && index >= state.selection { state.message = "Wrapped to the bottom." }
            return open(&state, index)
        }
    }
    state.message = "No unread articles."
    return []
}

/// Sets the read flag on every row of one article (a story saved twice is one article).
private func setRead(_ state: inout AppState, _ read: Bool, identity: ArticleIdentity) {
    state.updateRows([identity]) { $0.isRead = read }
}

private func keepSelectionVisible(_ state: inout AppState) {
    let height = state.layout.list.height
    guard height > 0 else { return }
    if state.selection < state.listTop { state.listTop = state.selection }
    if state.selection >= state.listTop + height { state.listTop = state.selection - height + 1 }
    state.listTop = max(0, min(state.listTop, max(0, state.rows.count - height)))
}

private func scrollReader(_ state: inout AppState, by delta: Int) {
    guard var reader = state.reader else { return }
    let height = state.layout.reader.height
    // A long article is laid out as far as the new position needs (all of it for the end).
    let wanted = delta > Int.max / 4 ? Int.max : max(0, reader.top + delta) + 2 * height
    if case .loaded(let article) = reader.content {
        LazyArticleLayout.extend(&reader, article: article, width: reader.layoutWidth, theme: state.theme, toAtLeast: wanted)
    }
    let maxTop = max(0, reader.lines.count - height)
    reader.top = min(maxTop, max(0, reader.top + delta))
    state.reader = reader
}

/// Lays the reader's article out again when the text width changed, keeping
/// the reading position in proportion.
func layOutReader(_ state: inout AppState) {
    guard var reader = state.reader else { return }
    let width = state.layout.readerTextWidth
    let height = state.layout.reader.height
    func maxTop() -> Int { max(0, reader.lines.count - height) }
    guard reader.layoutWidth != width else {
        reader.top = min(reader.top, maxTop())
        state.reader = reader
        return
    }
    let oldCount = max(1, LazyArticleLayout.estimatedLineCount(reader))
    switch reader.content {
    case .loading:
        // The list already knows the title: show it at once, the body when it comes.
        let summary = state.rows.first { $0.summary.path == reader.path }?.summary
        reader.lines = summary.map { ArticleLayout.header(for: $0, width: width, theme: state.theme) } ?? []
        reader.lines.append([Span("Loading…", style: state.theme.metadata)])
    case .failed(let reason):
        reader.lines = TextWrap.wrap("Could not read \(PathCoding.display(reader.path)): \(reason)", width: width, style: state.theme.notice)
    case .loaded(let article):
        LazyArticleLayout.start(&reader, article: article, width: width, theme: state.theme, lines: reader.top + 2 * max(1, height))
    }
    if reader.layoutWidth > 0 {
        // Keep the reading position in proportion (of the whole article, estimated when long).
        reader.top = Int(Double(reader.top) * Double(LazyArticleLayout.estimatedLineCount(reader)) / Double(oldCount))
        if case .loaded(let article) = reader.content {
            LazyArticleLayout.extend(&reader, article: article, width: width, theme: state.theme, toAtLeast: reader.top + 2 * height)
        }
    }
    reader.layoutWidth = width
    reader.top = min(reader.top, maxTop())
    state.reader = reader
}
