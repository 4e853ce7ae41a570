// uPlot and its stylesheet, in a chunk of their own that the operations centre loads when a sensor is first opened.

import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export default uPlot;
