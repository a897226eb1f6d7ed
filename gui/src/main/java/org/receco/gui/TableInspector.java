package org.receco.gui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.util.List;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;
import sim.display.GUIState;
import sim.portrayal.Inspector;
import sim.portrayal.SimpleInspector;

/**
 * A MASON inspector of an agent: its getters as properties (a {@link SimpleInspector}) above a table of rows
 * (a user's latest slate, an author's live items). Refreshed by the Console after every round; rows are read
 * under the schedule lock so they never mix two rounds.
 */
final class TableInspector extends Inspector {
    private static final long serialVersionUID = 1L;

    private final transient GUIState gui;
    private final SimpleInspector properties;
    private final DefaultTableModel table;
    private final transient Supplier<List<Object[]>> rows;

    TableInspector(Object agent, GUIState gui, String name, String tableTitle, String[] columns,
                   Supplier<List<Object[]>> rows) {
        this.gui = gui;
        this.rows = rows;
        setLayout(new BorderLayout());
        properties = new SimpleInspector(agent, gui, name);
        table = new DefaultTableModel(columns, 0) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }
        };
        JTable view = new JTable(table);
        view.setAutoCreateRowSorter(true);
        for (int c = 0; c < columns.length; c++) {
            view.getColumnModel().getColumn(c).setPreferredWidth(Math.max(40, 9 * columns[c].length()));
        }
        JScrollPane scroll = new JScrollPane(view);
        scroll.setBorder(BorderFactory.createTitledBorder(tableTitle));
        scroll.setPreferredSize(new Dimension(480, 260));
        add(properties, BorderLayout.NORTH);
        add(scroll, BorderLayout.CENTER);
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
    }
}
