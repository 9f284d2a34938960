// Boundary guard: gloss_core may use Qt6::Core and SQLite only (DESIGN.md, "Layers").
// This header shadows Qt's own, so any QtGui include in a core source stops the build here.
#error "gloss_core must not include QtGui headers; move this code to ui/ or keep it Qt Core only"
