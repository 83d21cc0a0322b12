import Foundation

/// A walk of a folder (`LibraryScanner.listing`) made on another thread;
/// `listing()` waits for it.
final class PendingWalk: @unchecked Sendable {
    private var result: LibraryScanner.Listing?
    private let done = DispatchGroup()

    init(_ root: String) {
        DispatchQueue.global(qos: .userInitiated).async(group: done) { [self] in
            result = LibraryScanner.listing(root)
        }
    }

    /// The listing, once it is made (the group orders the write before this read).
    func listing() -> LibraryScanner.Listing {
        done.wait()
        return result!
    }
}
