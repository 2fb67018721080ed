import { use } from 'echarts/core';
import { MarkAreaComponent, MarkLineComponent, MarkPointComponent } from 'echarts/components';

use([MarkAreaComponent, MarkLineComponent, MarkPointComponent]);
