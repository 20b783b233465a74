import Foundation

/// Where the bundled default theme lives at run time. This file is the only Swift in `Themes/`:
/// it makes SwiftPM ship `Themes/default/` as the resources of the `tebiki` binary.
public enum DefaultTheme {
    public static var directory: URL? {
        Bundle.module.url(forResource: "default", withExtension: nil)
    }
}
