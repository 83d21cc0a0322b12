import Foundation

/// What a refresh has to do, from what the index knows of a folder and a walk
/// of the folder now: the files to read (new, changed, or owed their text),
/// the known files that are gone, and what the walk skipped.
///
/// A plain file the index knows unchanged is recognised from its path's bytes,
/// size and time alone, before any String is made for it; every other file
/// becomes an entry and is judged as `scan` entries always were (by String).
struct LibraryChanges {
    var stale: [LibraryScanner.Entry] = []
    var removed: [String] = []
    var skipped: [LibraryScanner.Skipped] = []

    /// `known` against the folder `root` (walked here unless `listing` is its
    /// walk already); a file in `withoutText` counts as changed.
    init(root: String, known: [IndexedFile], withoutText: Set<String>, listing: LibraryScanner.Listing? = nil,
         parallelStats: Bool = true) {
        let listing = listing ?? LibraryScanner.listing(root, parallelStats: parallelStats)
        skipped = listing.skipped
        // Positions, not copies: at 100,000 files a copy of each entry costs tens of MB.
        var lookup = KnownFiles(known)
        // Which known files the walk met: the others are gone.
        var met = [Bool](repeating: false, count: known.count)
        // Every path met, only needed when known files share a path.
        var present: [String] = []
        let rootBytes = Array(root.utf8)
        known.withUnsafeBufferPointer { known in
            for item in listing.items.reversed() {
                if item.isPlain && lookup.isSortedASCII {
                    let unchanged = listing.withPath(item) { relative -> Bool in
                        guard let old = lookup.position(ofBytes: relative) else { return false }
                        met[old] = true
                        let file = known[old]
                        return file.size == item.size && file.modifiedNanoseconds == item.modifiedNanoseconds
                            && file.isAt(root: rootBytes, relative: relative)
                            && (withoutText.isEmpty || !withoutText.contains(file.path))
                    }
                    if unchanged { continue }
                }
                let entry = listing.entry(item)
                if !lookup.isSortedASCII { present.append(entry.path) }
                if let old = lookup.position(of: entry.path) {
                    met[old] = true
                    if known[old].matches(entry) && (withoutText.isEmpty || !withoutText.contains(entry.path)) { continue }
                }
                stale.append(entry)
            }
        }
        if lookup.hasEqualPaths {
            // Known files that share a path each stay while the path is there.
            let present = Set(present)
            removed = known.map(\.path).filter { !present.contains($0) }
        } else {
            removed = known.indices.filter { !met[$0] }.map { known[$0].path }
        }
    }
}
