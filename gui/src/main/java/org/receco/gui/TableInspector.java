package org.receco.gui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.util.List;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.table.DefaultTableModel;
import sim.display.GUIState;
import sim.portrayal.Inspector;
import sim.portrayal.SimpleInspector;

/**
 * A MASON inspector of an agent: its getters as properties (a {@link SimpleInspector}) above a table of rows
 * (a user's latest slate, an author's live items), and for an LLM user a text pane with its persona, latest prompt
 * and answer in full. Refreshed by the Console after every round; rows are read
 * under the schedule lock so they never mix two rounds.
 */
final class TableInspector extends Inspector {
    private static final long serialVersionUID = 1L;

    private final transient GUIState gui;
    private final SimpleInspector properties;
    private final DefaultTableModel table;
    private final JTable view;
    private final transient Supplier<List<Object[]>> rows;
    private final transient Supplier<String> text;
    private final JTextArea textArea;

    TableInspector(Object agent, GUIState gui, String name, String tableTitle, String[] columns,
                   Supplier<List<Object[]>> rows) {
        this(agent, gui, name, tableTitle, columns, rows, null);
    }

    /** As above, with a text pane below the table showing {@code text} (null: no pane). */
    TableInspector(Object agent, GUIState gui, String name, String tableTitle, String[] columns,
                   Supplier<List<Object[]>> rows, Supplier<String> text) {
        this.gui = gui;
        this.rows = rows;
        this.text = text;
        setLayout(new BorderLayout());
        properties = new SimpleInspector(agent, gui, name);
        table = new DefaultTableModel(columns, 0) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }
        };
        view = new JTable(table);
        view.setAutoCreateRowSorter(true);
        // Columns keep the width their header and values need (a score such as -0.1234 was cut to "-0.1...")
        // and the pane scrolls sideways when they do not fit, instead of squeezing every column to fit.
        view.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
        JScrollPane scroll = new JScrollPane(view);
        scroll.setBorder(BorderFactory.createTitledBorder(tableTitle));
        scroll.setPreferredSize(new Dimension(480, 260));
        add(properties, BorderLayout.NORTH);
        add(scroll, BorderLayout.CENTER);
        if (text != null) {
            textArea = new JTextArea(14, 60);
            textArea.setEditable(false);
            textArea.setLineWrap(true);
            textArea.setWrapStyleWord(true);
            JScrollPane pane = new JScrollPane(textArea);
            pane.setBorder(BorderFactory.createTitledBorder("LLM persona and latest exchange"));
            add(pane, BorderLayout.SOUTH);
        } else {
            textArea = null;
        }
        setVolatile(true);
        refreshRows();
    }

    @Override
    public void updateInspector() {
        properties.updateInspector();
        refreshRows();
    }

    private void refreshRows() {
        List<Object[]> data;
        synchronized (gui.state.schedule) {
            data = rows.get();
        }
        table.setRowCount(0);
        for (Object[] r : data) {
            table.addRow(r);
        }
        fitColumns(view);
        if (textArea != null) {
            String t;
            synchronized (gui.state.schedule) {
                t = text.get();
            }
            textArea.setText(t == null ? "" : t);
            textArea.setCaretPosition(0);
        }
    }

    /** The text pane's content ("" without a pane), for tests. */
    String text() {
        return textArea == null ? "" : textArea.getText();
    }

    /** Sets every column's width to what its header and its widest value need, plus a margin. */
    static void fitColumns(JTable t) {
        for (int c = 0; c < t.getColumnCount(); c++) {
            javax.swing.table.TableColumn col = t.getColumnModel().getColumn(c);
            javax.swing.table.TableCellRenderer header = col.getHeaderRenderer() != null ? col.getHeaderRenderer()
                    : t.getTableHeader().getDefaultRenderer();
            int w = header.getTableCellRendererComponent(t, col.getHeaderValue(), false, false, -1, c)
                    .getPreferredSize().width;
            for (int r = 0; r < t.getRowCount(); r++) {
                w = Math.max(w, t.prepareRenderer(t.getCellRenderer(r, c), r, c).getPreferredSize().width);
            }
            col.setPreferredWidth(w + 2 * t.getIntercellSpacing().width + 8);
        }
    }
}
