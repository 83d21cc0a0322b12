/// Tells a table of data (rows and columns worth keeping even when they look like
/// little text) from a table used for page layout, with the checks browsers use
/// for accessibility: a summary, caption, header cells or column groups mean
/// data; a nested table means layout; otherwise size decides.
enum DataTable {
    static func isData(_ t: Int, _ page: PageIndex) -> Bool {
        let node = page.nodes[t]
        if node.attributes["role"] == "presentation" || node.attributes["datatable"] == "0" { return false }
        if node.attributes["summary"] != nil { return true }
        var rows = 0, columns = 0
        for j in (t + 1)..<page.ends[t] {
            switch page.tags[j] {
            case .caption: if page.fullText[j] > 0 { return true }
            case .col, .colgroup, .tfoot, .thead, .th: return true
            case .table: return false
            case .tr:
                rows += 1
                columns = max(columns, page.nodes[j].children.filter { $0.kind == .element && $0.name == "td" }.count)
            default: break
            }
        }
        return rows >= 10 || columns > 4 || rows * columns > 10
    }
}
