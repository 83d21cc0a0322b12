import FolioCore

/// Filters (`l`), saved views (1–9), full-text search results, sorting and
/// finding text in the article.
extension AppState {
    mutating func setFilter(_ text: String, _ query: Query) {
        filter = text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : ListFilter(text: text, query: query)
        refreshRows()
        keepSelectionInView()
    }

    mutating func applyFilter(_ text: String) -> [Effect] {
        do {
            let query = try QueryParser.parse(text, now: now)
            setFilter(text, query)
            if filter == nil { message = "Showing all articles." }
            else { message = rows.isEmpty ? "Nothing matches “\(text)”." : "\(rows.count) of \(library.count) match “\(text)”; l then Enter shows all." }
        } catch {
            message = "Filter: \(error.message)"
        }
        return showSelectedIfChanged()
    }

    mutating func clearFilter() {
        filter = nil
        refreshRows()
        keepSelectionInView()
    }

    /// The view named in the configuration at `number` (1–9).
    mutating func showView(_ number: Int) -> [Effect] {
        guard views.indices.contains(number - 1) else {
            message = views.isEmpty ? "No views set; add “view NAME = QUERY” lines to the config." : "Only \(views.count) views are set."
            return []
        }
        let view = views[number - 1]
        let effects = applyFilter(view.query)
        if filter != nil { message = "View \(number), \(view.name): \(rows.count == 1 ? "1 article" : "\(rows.count) articles")." }
        return effects
    }

    /// Full-text search results: the matching articles in rank order with their snippets.
    mutating func showSearchResults(_ text: String, hits: [(path: String, snippet: String)]) -> [Effect] {
        // The same search again (indexing ended): the selected article stays selected.
        let kept = filter?.searchText == text ? selectedRow?.summary.path : nil
        var results = ListFilter(text: "search: " + text, query: .everything)
        results.searchHits = Dictionary(hits.map { ($0.path, $0.snippet) }, uniquingKeysWith: { a, _ in a })
        results.rankedPaths = hits.map(\.path)
        results.query = .or([.flag(.archived), .not(.flag(.archived))])  // search results include archived articles
        results.searchText = text
        results.searchWasPartial = indexing != nil
        filter = results
        refreshRows()
        selection = kept.flatMap { path in rows.firstIndex { $0.summary.path == path } } ?? 0
        keepSelectionInView()
        let sofar = indexing != nil ? " so far (indexing)" : ""
        message = hits.isEmpty ? "No article contains “\(text)”\(sofar)."
            : (hits.count == 1 ? "1 article contains" : "\(hits.count) articles contain") + " “\(text)”\(sofar); l then Enter shows all."
        return showSelectedIfChanged()
    }

    mutating func cycleSort(reverse: Bool) -> [Effect] {
        if reverse { sortReversed.toggle() } else { sort = sort.next }
        refreshRows()
        keepSelectionInView()
        message = "Sorted by \(sort.label)\(sortReversed ? ", reversed" : "")."
        return [.saveSetting("sort", sort.rawValue), .saveSetting("sort-reverse", sortReversed ? "on" : "off")]
    }

    mutating func keepSelectionInView() {
        let height = layout.list.height
        guard height > 0 else { return }
        if selection < listTop { listTop = selection }
        if selection >= listTop + height { listTop = selection - height + 1 }
        listTop = max(0, min(listTop, max(0, rows.count - height)))
    }

    /// After the list changed under it, shows the selected article if it is another one.
    mutating func showSelectedIfChanged() -> [Effect] {
        guard let row = selectedRow else { reader = nil; return [] }
        return reader?.path == row.path ? [] : showSelected()
    }

    // MARK: Finding text in the article

    /// Starts a search in the reader (case-insensitive unless the text has capitals).
    mutating func find(_ text: String) -> [Effect] {
        guard reader != nil else { return [] }
        reader!.find = text.isEmpty ? nil : text
        guard let text = reader!.find else { message = nil; return [] }
        let matches = ReaderFind.lines(matching: text, in: reader!.lines)
        if matches.isEmpty { message = "Not found: \(text)" }
        return findNext(forward: true, includeCurrent: true)
    }

    /// Moves to the next (or previous) line with a match.
    mutating func findNext(forward: Bool, includeCurrent: Bool = false) -> [Effect] {
        guard var reader, let text = reader.find, case .loaded(let article) = reader.content else { return [] }
        if forward { LazyArticleLayout.extend(&reader, article: article, width: reader.layoutWidth, theme: theme, toAtLeast: .max) }
        let matches = ReaderFind.lines(matching: text, in: reader.lines)
        guard !matches.isEmpty else { message = "Not found: \(text)"; self.reader = reader; return [] }
        // From the match last gone to while it is on screen, else from the top of the screen.
        let onScreen = reader.top..<(reader.top + max(1, layout.reader.height))
        let current = includeCurrent ? nil : reader.findLine.flatMap { onScreen.contains($0) ? $0 : nil }
        let start = current.map { $0 + (forward ? 1 : -1) } ?? reader.top + (includeCurrent ? 0 : (forward ? 0 : -1))
        let target = forward ? (matches.first { $0 >= start } ?? matches[0]) : (matches.last { $0 <= start } ?? matches[matches.count - 1])
        let wrapped = forward ? target < start : target > start
        // The match two lines below the top, for context.
        reader.top = max(0, min(target - 2, reader.lines.count - layout.reader.height))
        reader.findLine = target
        self.reader = reader
        let index = matches.firstIndex(of: target)! + 1
        message = "“\(text)”: match \(index) of \(matches.count)" + (wrapped ? " (wrapped)" : "")
        return []
    }
}
