#!/usr/bin/env node
import '../dist/bundle/sma.js';
