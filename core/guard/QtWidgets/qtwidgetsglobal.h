// Boundary guard: gloss_core may use Qt6::Core and SQLite only (DESIGN.md, "Layers").
#error "gloss_core must not include QtWidgets headers; move this code to ui/"
