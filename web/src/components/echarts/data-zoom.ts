import { use } from 'echarts/core';
import { DataZoomComponent } from 'echarts/components';

use([DataZoomComponent]);
