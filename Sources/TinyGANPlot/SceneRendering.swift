import Foundation

/// The file formats of a figure.
public enum ImageFormat: String, CaseIterable, Sendable {
    case png, svg
}

/// What the figure module needs of a renderer: how wide text is (for the
/// layout) and a scene's image as bytes. A renderer draws; it never chooses
/// figures, names files or writes them.
public protocol SceneRendering {
    /// Text widths as this renderer draws text.
    var textMetrics: TextMetrics { get }

    /// The scene as `format`: a PNG has `scale` device pixels per scene pixel;
    /// an SVG is in scene pixels, its element ids all start with `idPrefix`
    /// (so that several can share one HTML page).
    func data(for scene: Scene, format: ImageFormat, scale: Double, idPrefix: String) throws -> Data
}
